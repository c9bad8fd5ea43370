//! A drawn chart under the pointer and the keys, without the chart code: which point a pointer
//! is nearest, where a key moves the focus, and where the tooltip goes (beside the point, on
//! whichever side has room, never narrower than a readable width — or the chart's whole width
//! when the chart is narrower — and never outside the chart box). The widget's small first
//! module (`hover/`) makes a pre-rendered chart answer with these before the app has loaded;
//! the chart's layout (`chart::Layout::nearest`) uses the same hit-testing.

/// The tooltip's preferred width and the least it may shrink to, in CSS pixels.
pub const WIDTH: f64 = 240.0;
pub const MIN_WIDTH: f64 = 200.0;
/// Gap between the point and the tooltip.
const GAP: f64 = 12.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Left edge, from the chart box's left, in CSS pixels.
    pub left: f64,
    /// The anchor's vertical position: the tooltip's top edge, or its bottom edge when `above`.
    pub top: f64,
    pub width: f64,
    /// The tooltip sits above `top` (its bottom edge there) rather than below it.
    pub above: bool,
}

/// Places a tooltip for a point at (`x`, `y`) in a chart box `box_width` × `box_height` CSS
/// pixels: right of the point if it fits, else left, else centred on it (clamped to the box) and
/// above or below the point so it does not cover it. Points in the lower half get the tooltip
/// above them, so a tooltip of up to half the box's height stays inside.
pub fn place(x: f64, y: f64, box_width: f64, box_height: f64) -> Placement {
    let box_width = box_width.max(0.0);
    let width = WIDTH.min(box_width).max(MIN_WIDTH.min(box_width));
    let above = y > box_height / 2.0;
    let (left, vertical_gap) = if x + GAP + width <= box_width {
        (x + GAP, 0.0)
    } else if x - GAP - width >= 0.0 {
        (x - GAP - width, 0.0)
    } else {
        // No side has room: centre on the point and move off it vertically instead.
        (
            (x - width / 2.0).clamp(0.0, (box_width - width).max(0.0)),
            GAP,
        )
    };
    let top = if above {
        y - vertical_gap
    } else {
        y + vertical_gap
    };
    Placement {
        left,
        top: top.clamp(0.0, box_height.max(0.0)),
        width,
        above,
    }
}

/// The point nearest to a pointer at (`x`, `y`), if within `radius` pixels horizontally: readers
/// aim at years, not at exact dots, especially with a finger; height counts a quarter.
pub fn nearest(points: &[(f64, f64)], x: f64, y: f64, radius: f64) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .filter(|(_, p)| (p.0 - x).abs() <= radius)
        .min_by(|(_, a), (_, b)| {
            let da = (a.0 - x).powi(2) + ((a.1 - y) * 0.25).powi(2);
            let db = (b.0 - x).powi(2) + ((b.1 - y) * 0.25).powi(2);
            da.total_cmp(&db)
        })
        .map(|(i, _)| i)
}

/// A key on a focused chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    Leave,
}

impl Step {
    /// The step a key asks for: arrows, Home, End, Escape.
    pub fn of_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowRight" | "ArrowDown" => Step::Next,
            "ArrowLeft" | "ArrowUp" => Step::Previous,
            "Home" => Step::First,
            "End" => Step::Last,
            "Escape" => Step::Leave,
            _ => return None,
        })
    }
}

/// Where `step` moves the focus among `count` points; the ends hold, no point means no focus.
pub fn step(focus: Option<usize>, step: Step, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let last = count - 1;
    match (step, focus) {
        (Step::Leave, _) => None,
        (Step::First, _) | (Step::Next, None) => Some(0),
        (Step::Last, _) | (Step::Previous, None) => Some(last),
        (Step::Next, Some(i)) => Some((i + 1).min(last)),
        (Step::Previous, Some(i)) => Some(i.saturating_sub(1).min(last)),
    }
}

/// Points as the page carries them (`data-points`): "x,y x,y …", one decimal.
pub fn encode_points(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{:.1},{:.1}", x, y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads `encode_points`; a malformed pair is left out rather than guessed.
pub fn decode_points(text: &str) -> Vec<(f64, f64)> {
    text.split_whitespace()
        .filter_map(|pair| {
            let (x, y) = pair.split_once(',')?;
            let (x, y) = (x.parse::<f64>().ok()?, y.parse::<f64>().ok()?);
            (x.is_finite() && y.is_finite()).then_some((x, y))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_walk_the_points_and_stop_at_the_ends() {
        assert_eq!(step(None, Step::Next, 3), Some(0));
        assert_eq!(step(Some(0), Step::Next, 3), Some(1));
        assert_eq!(step(Some(2), Step::Next, 3), Some(2));
        assert_eq!(step(Some(2), Step::First, 3), Some(0));
        assert_eq!(step(None, Step::Previous, 3), Some(2));
        assert_eq!(step(Some(0), Step::Previous, 3), Some(0));
        assert_eq!(step(Some(1), Step::Leave, 3), None);
        assert_eq!(step(Some(1), Step::Next, 0), None);
        assert_eq!(Step::of_key("End"), Some(Step::Last));
        assert_eq!(Step::of_key("a"), None);
    }

    #[test]
    fn the_nearest_point_within_reach_of_the_pointer() {
        let points = [(10.0, 50.0), (40.0, 10.0), (41.0, 90.0), (100.0, 50.0)];
        assert_eq!(nearest(&points, 12.0, 0.0, 36.0), Some(0));
        assert_eq!(nearest(&points, 40.5, 85.0, 36.0), Some(2));
        assert_eq!(nearest(&points, 40.5, 15.0, 36.0), Some(1));
        assert_eq!(nearest(&points, 200.0, 50.0, 36.0), None);
        assert_eq!(nearest(&[], 0.0, 0.0, 36.0), None);
    }

    #[test]
    fn points_round_trip_through_the_page() {
        let points = vec![(1.0, 2.5), (300.25, 7.0)];
        let text = encode_points(&points);
        assert_eq!(text, "1.0,2.5 300.2,7.0");
        assert_eq!(decode_points(&text), vec![(1.0, 2.5), (300.2, 7.0)]);
        assert_eq!(decode_points("1,2 x,3 4,5 6"), vec![(1.0, 2.0), (4.0, 5.0)]);
        assert_eq!(decode_points("nan,1 1,inf"), vec![]);
    }

    #[test]
    fn the_tooltip_flips_sides_and_stays_inside_at_every_width() {
        for box_width in [280.0, 320.0, 360.0, 600.0, 1000.0, 1400.0] {
            let box_height = 300.0;
            for x in [0.0, 10.0, box_width / 2.0, box_width - 10.0, box_width] {
                for y in [0.0, 100.0, 250.0, 300.0] {
                    let p = place(x, y, box_width, box_height);
                    assert!(p.left >= 0.0, "{box_width} {x}: {p:?}");
                    assert!(
                        p.left + p.width <= box_width + 1e-9,
                        "{box_width} {x}: {p:?}"
                    );
                    assert!(p.width >= MIN_WIDTH.min(box_width), "{p:?}");
                    assert!((0.0..=box_height).contains(&p.top));
                }
            }
            // At the right edge it opens to the left, at the left edge to the right.
            let right = place(box_width - 10.0, 50.0, box_width, box_height);
            assert!(right.left + right.width <= box_width - 10.0 || box_width < 2.0 * WIDTH);
            let left = place(10.0, 50.0, box_width, box_height);
            assert!(left.left >= 10.0 || box_width < WIDTH + 22.0);
        }
        assert_eq!(
            place(900.0, 250.0, 1000.0, 300.0).left,
            900.0 - 12.0 - 240.0
        );
        assert!(place(900.0, 250.0, 1000.0, 300.0).above);
    }
}
