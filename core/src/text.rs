//! Reader-facing text in the two languages chitieu speaks. Vietnamese first, English second.

use std::fmt;

/// A language the widget can show. Vietnamese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 tag used for the `lang` attribute and the URL.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in both languages. The plan file must give both; the validator refuses one alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A character that changes what a reader sees without being seen itself: a control character
/// (C0, DEL, C1), a bidirectional formatting character (embeddings, overrides, isolates, marks)
/// or a zero-width or otherwise invisible format character. Printed raw, a control character
/// can clear a terminal or retitle its window, and an override can make `abc` read as `cba`.
pub fn is_invisible(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_zero_width(c)
}

/// The explicit bidirectional formatting characters of Unicode (UAX #9): embeddings,
/// overrides, isolates and the three directional marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The bidirectional characters that reorder the text after them (embeddings, overrides,
/// isolates), as opposed to the marks, which only nudge the neighbouring characters.
pub fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no width: zero-width space and joiners, word joiner, invisible
/// operators, the byte-order mark inside text, the soft hyphen, the Mongolian vowel separator
/// and the combining grapheme joiner.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// The text with every invisible character (`is_invisible`) written as `\u{202E}`, so a message
/// or a terminal shows what is there instead of obeying it. Newlines and tabs are escaped too:
/// a message is one line.
pub fn escape_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, is_invisible)
}

/// The text with every invisible character and every character outside the Latin script and
/// printable ASCII written as `\u{43E}`: for ids, codes, field names and dates quoted in a
/// message, so that a Cyrillic `о` that looks like a Latin `o`, or an en dash in `2021–2025`,
/// shows up, while Vietnamese letters (`ước tính`) are shown as they are.
pub fn escape_confusable(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, |c| {
        is_invisible(c)
            || !(c.is_ascii()
                || ('\u{C0}'..='\u{24F}').contains(&c)
                || ('\u{1E00}'..='\u{1EFF}').contains(&c))
    })
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_escaped() {
        assert_eq!(escape_invisible("a\u{1b}[2Jb"), "a\\u{1B}[2Jb");
        assert_eq!(
            escape_invisible("x\u{202E}y\u{200B}z\u{7}"),
            "x\\u{202E}y\\u{200B}z\\u{7}"
        );
        assert_eq!(escape_invisible("Cần Thơ 7,5\u{a0}%"), "Cần Thơ 7,5\u{a0}%");
        assert_eq!(escape_confusable("gr\u{43e}wth"), "gr\\u{43E}wth");
        assert_eq!(escape_confusable("2021\u{2013}2025"), "2021\\u{2013}2025");
        assert_eq!(escape_confusable("ước tính"), "ước tính");
        assert_eq!(escape_confusable("a\u{200B}b"), "a\\u{200B}b");
        assert!(is_bidi_override('\u{202E}') && !is_bidi_override('\u{200F}'));
        assert!(is_bidi_control('\u{200F}') && is_zero_width('\u{FEFF}'));
        assert!(!is_invisible('\u{a0}') && !is_invisible('ơ'));
    }
}
