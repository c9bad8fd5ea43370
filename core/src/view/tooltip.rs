//! Where the tooltip of a focused chart point goes: beside the point, on whichever side has room,
//! never narrower than a readable width (or the chart's whole width when the chart is narrower),
//! and never outside the chart box.

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

#[cfg(test)]
mod tests {
    use super::*;

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
