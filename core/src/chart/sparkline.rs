//! Word-sized trend lines for the scorecard, as SVG path data: cheap to put in the DOM, no canvas.

/// Path data for the points scaled into a `width` × `height` box (y grows downwards), with
/// a gap wherever consecutive points are more than one year apart or change territory.
pub fn path(points: &[(i32, f64, usize)], width: f64, height: f64) -> String {
    let finite: Vec<&(i32, f64, usize)> = points.iter().filter(|p| p.1.is_finite()).collect();
    let (Some(&&first), Some(&&last)) = (finite.first(), finite.last()) else {
        return String::new();
    };
    let min = finite.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max = finite.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let x_span = f64::from((last.0 - first.0).max(1));
    let y_span = if max > min { max - min } else { 1.0 };
    let pad = 2.0;
    let mut out = String::new();
    let mut previous: Option<&(i32, f64, usize)> = None;
    for point in &finite {
        let x = pad + f64::from(point.0 - first.0) / x_span * (width - 2.0 * pad);
        let y = if max > min {
            pad + (max - point.1) / y_span * (height - 2.0 * pad)
        } else {
            height / 2.0
        };
        let joined = previous.is_some_and(|p| point.0 - p.0 == 1 && p.2 == point.2);
        out.push_str(&format!(
            "{}{x:.1} {y:.1}",
            if joined { " L" } else { " M" }
        ));
        previous = Some(point);
    }
    out.trim_start().to_string()
}

#[cfg(test)]
mod tests {
    use super::path;

    #[test]
    fn gaps_at_missing_years_and_territory_changes() {
        assert_eq!(path(&[], 40.0, 10.0), "");
        assert_eq!(
            path(&[(2021, 1.0, 0), (2022, 3.0, 0)], 44.0, 14.0),
            "M2.0 12.0 L42.0 2.0"
        );
        let broken = path(
            &[(2021, 1.0, 0), (2023, 2.0, 0), (2024, 3.0, 1)],
            44.0,
            14.0,
        );
        assert_eq!(broken.matches('M').count(), 3);
    }
}
