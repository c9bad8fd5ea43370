//! Numbers as each language writes them: Vietnamese "6.200,5", English "6,200.5".
//! Written by hand because the browser's Intl would tie the core to the DOM, and the same
//! strings must appear in native SVG snapshots.

use crate::text::Lang;

/// Formats `value` with exactly `decimals` digits after the separator, grouping thousands.
pub fn format(value: f64, decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (group, point) = separators(lang);
    let fixed = format!("{:.*}", decimals as usize, value.abs());
    let (whole, fraction) = match fixed.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (fixed.as_str(), None),
    };
    let mut out = String::new();
    // Rounding can turn -0.004 into "0.00": no sign on a zero.
    if value < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('−');
    }
    let digits = whole.len();
    for (index, ch) in whole.chars().enumerate() {
        if index > 0 && (digits - index) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if let Some(fraction) = fraction {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// Formats with the fewest decimals (up to `max_decimals`) that show the value exactly:
/// axis ticks and target bounds read "7,5" rather than "7,50".
pub fn format_trimmed(value: f64, max_decimals: u8, lang: Lang) -> String {
    let text = format(value, max_decimals, lang);
    let (_, point) = separators(lang);
    if max_decimals == 0 || !text.contains(point) {
        return text;
    }
    let trimmed = text.trim_end_matches('0');
    trimmed.strip_suffix(point).unwrap_or(trimmed).to_string()
}

/// A number followed by its unit as the press of both languages writes it: a percent sign
/// sticks to the number ("7,23%", "7.23%/yr"), a word unit follows a no-break space
/// ("104,6 triệu đồng"), so a line never breaks between them.
pub fn with_unit(number: String, unit: &str) -> String {
    if unit.is_empty() {
        number
    } else if unit.starts_with('%') {
        format!("{number}{unit}")
    } else {
        format!("{number}\u{a0}{unit}")
    }
}

/// A signed change, always with its sign: "+1,2" / "−0,4".
pub fn format_signed(value: f64, decimals: u8, lang: Lang) -> String {
    let text = format_trimmed(value, decimals, lang);
    if value > 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{text}")
    } else {
        text
    }
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english_separators() {
        assert_eq!(format(6200.5, 1, Lang::Vi), "6.200,5");
        assert_eq!(format(6200.5, 1, Lang::En), "6,200.5");
        assert_eq!(format(1234567.0, 0, Lang::Vi), "1.234.567");
        assert_eq!(format(999.0, 0, Lang::En), "999");
        assert_eq!(format(1000.0, 0, Lang::En), "1,000");
        assert_eq!(format(-2.79, 2, Lang::Vi), "−2,79");
        assert_eq!(format(-0.004, 2, Lang::En), "0.00");
        assert_eq!(format(f64::NAN, 2, Lang::En), "–");
    }

    #[test]
    fn trimmed_and_signed() {
        assert_eq!(format_trimmed(7.5, 2, Lang::Vi), "7,5");
        assert_eq!(format_trimmed(8.0, 2, Lang::Vi), "8");
        assert_eq!(format_trimmed(6200.0, 2, Lang::En), "6,200");
        assert_eq!(format_signed(1.25, 2, Lang::Vi), "+1,25");
        assert_eq!(format_signed(-0.4, 1, Lang::En), "−0.4");
        assert_eq!(format_signed(0.0, 1, Lang::En), "0");
    }
}
