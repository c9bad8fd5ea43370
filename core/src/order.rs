//! One stable sort for the whole crate (and the widget), to keep the WebAssembly small.
//!
//! `slice::sort_by` is generic: every element type and every comparison closure gets its own
//! copy of the standard library's sort (about 3.5 KB of WebAssembly each; the widget had seven).
//! Here the standard sort runs once, non-generically, on positions `0..len` with the comparison
//! behind `dyn`, and the items are then moved into that order. The result is exactly that of
//! `sort_by` (a stable sort); the cost is one `Vec<usize>` and a dynamic call per comparison,
//! nothing at the sizes involved (at most a plan's observations or diagnostics).

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `items.sort_by(compare)`.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        positions(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by `key`, like `items.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, like `items.sort()`.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

#[inline(never)]
fn positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_stable_sort() {
        // Pairs compared by their first field only: equal keys must keep their input order.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in [0, 1, 2, 3, 7, 20, 21, 64, 300] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 5) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            assert_eq!(ours, expected, "len {len}");
            let mut all = items.clone();
            sort(&mut all);
            let mut std_all = items;
            std_all.sort();
            assert_eq!(all, std_all);
        }
    }
}
