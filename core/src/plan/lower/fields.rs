//! Field readers: each reads one field of a record as the type it must have (a string, an id, a
//! text pair, a number, a year, a date, an address, one of a fixed list…), reports what is wrong
//! with it at its place, and returns `None` then, so the record reader can go on to the next
//! field.

use super::{Cx, Record};
use crate::diagnostic::{Problem, TypeName, UrlProblem};
use crate::plan::toml::{Spanned, Value};
use crate::plan::{PartialDate, Period, When};
use crate::text::{is_bidi_override, is_invisible, Lang, Text};

/// The years a plan file may speak of. Anything outside is a typo (a year 0000 or 9999 would
/// make every target "as of 9999").
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Whether a date may lie after the day the file is checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Future {
    Allowed,
    /// A publication date, a document's date, an `as_of`: none can be in the future, and a
    /// typed 9025 would otherwise win the headline rule.
    Refused,
}

impl Cx<'_> {
    pub(super) fn when(&mut self, r: &Record) -> Option<When> {
        match (r.table.get("year"), r.table.get("period")) {
            (Some(_), Some(_)) => {
                self.error(
                    r.field_pos("period"),
                    &r.child("period"),
                    Problem::YearAndPeriod,
                );
                None
            }
            (None, None) => {
                self.error(r.pos, &r.path, Problem::NoYearOrPeriod);
                None
            }
            (Some(_), None) => self.year(r, "year").map(When::Year),
            (None, Some(_)) => self.period(r, "period").map(When::Period),
        }
    }

    pub(super) fn periods(&mut self, r: &Record) -> Option<Vec<Period>> {
        let items = self.array(r, "periods")?;
        let mut periods: Vec<Period> = Vec::new();
        let mut ok = true;
        for (index, item) in items.iter().enumerate() {
            let path = format!("{}.periods[{}]", r.path, index + 1);
            match &item.value {
                Value::String(text) => match self.read_period(text, item.pos, &path) {
                    Some(period) if periods.contains(&period) => {
                        self.error(
                            item.pos,
                            &path,
                            Problem::DuplicateItem { item: text.clone() },
                        );
                        ok = false;
                    }
                    Some(period) => periods.push(period),
                    None => ok = false,
                },
                other => {
                    self.error(
                        item.pos,
                        &path,
                        Problem::WrongType {
                            expected: TypeName::String,
                            found: other.type_name(),
                        },
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(periods)
    }

    pub(super) fn string_list(&mut self, r: &Record, key: &'static str) -> Option<Vec<String>> {
        let items = self.array(r, key)?;
        let mut out: Vec<String> = Vec::new();
        let mut ok = true;
        for (index, item) in items.iter().enumerate() {
            let path = format!("{}.{key}[{}]", r.path, index + 1);
            match &item.value {
                Value::String(text) if out.contains(text) => {
                    self.error(
                        item.pos,
                        &path,
                        Problem::DuplicateItem { item: text.clone() },
                    );
                    ok = false;
                }
                Value::String(text) => out.push(text.clone()),
                other => {
                    self.error(
                        item.pos,
                        &path,
                        Problem::WrongType {
                            expected: TypeName::String,
                            found: other.type_name(),
                        },
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    pub(super) fn array<'t>(
        &mut self,
        r: &Record<'t>,
        key: &'static str,
    ) -> Option<&'t Vec<Spanned<Value>>> {
        match r.table.get(key) {
            Some(Spanned {
                value: Value::Array(items),
                ..
            }) => Some(items),
            Some(other) => {
                self.error(
                    other.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: TypeName::Array,
                        found: other.value.type_name(),
                    },
                );
                None
            }
            None => {
                self.error(r.pos, &r.child(key), Problem::MissingField { field: key });
                None
            }
        }
    }

    pub(super) fn check_fields(&mut self, r: &Record, allowed: &'static [&'static str]) {
        for (key, _) in &r.table.entries {
            if !allowed.contains(&key.value.as_str()) {
                self.error(
                    key.pos,
                    &r.child(&key.value),
                    Problem::UnknownField {
                        field: key.value.clone(),
                        allowed: allowed.to_vec(),
                    },
                );
            }
        }
    }

    pub(super) fn required<'t>(
        &mut self,
        r: &Record<'t>,
        key: &'static str,
    ) -> Option<&'t Spanned<Value>> {
        let value = r.table.get(key);
        if value.is_none() {
            self.error(r.pos, &r.child(key), Problem::MissingField { field: key });
        }
        value
    }

    /// A free-text string (a document number, a publisher, a page title): no control
    /// characters, and a warning for invisible ones.
    pub(super) fn string(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let value = self.required(r, key)?;
        let text = self.as_string(r, key, value)?;
        self.check_characters(r, key, value, &text, false)
            .then_some(text)
    }

    /// A string whose grammar is checked by its reader (an id, a reference, a date, an
    /// address, a choice): any odd character makes that check fail with its own message.
    pub(super) fn word(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let value = self.required(r, key)?;
        self.as_string(r, key, value)
    }

    pub(super) fn opt_word(&mut self, r: &Record, key: &'static str) -> Option<Option<String>> {
        match r.table.get(key) {
            None => Some(None),
            Some(value) => self.as_string(r, key, value).map(Some),
        }
    }

    pub(super) fn as_string(
        &mut self,
        r: &Record,
        key: &str,
        value: &Spanned<Value>,
    ) -> Option<String> {
        match &value.value {
            Value::String(text) if text.trim().is_empty() => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::EmptyText { unknown: false },
                );
                None
            }
            Value::String(text) => Some(text.clone()),
            other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: TypeName::String,
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    /// Control characters (written as escapes such as `\u001b`) and bidirectional overrides
    /// are errors in any text; other invisible characters (zero-width spaces, directional
    /// marks) are warnings, since a few scripts use them. Newlines and tabs are fine in the
    /// texts readers see (`multi_line`). Returns whether the text may be kept.
    pub(super) fn check_characters(
        &mut self,
        r: &Record,
        key: &str,
        value: &Spanned<Value>,
        text: &str,
        multi_line: bool,
    ) -> bool {
        let found = text
            .chars()
            .enumerate()
            .find(|(_, c)| is_invisible(*c) && !(multi_line && matches!(c, '\n' | '\t')));
        let Some((at, ch)) = found else {
            return true;
        };
        if ch.is_control() || is_bidi_override(ch) {
            let problem = if ch.is_control() {
                Problem::ControlCharacter { ch, at }
            } else {
                Problem::InvisibleCharacter { ch, at }
            };
            self.error(value.pos, &r.child(key), problem);
            false
        } else {
            self.warning(
                value.pos,
                &r.child(key),
                Problem::InvisibleCharacter { ch, at },
            );
            true
        }
    }

    pub(super) fn id(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let id = self.word(r, key)?;
        if !is_id(&id) {
            self.error(r.field_pos(key), &r.child(key), Problem::BadId { id });
            return None;
        }
        Some(id)
    }

    /// An optional address: `Some(None)` when absent, `None` when present but wrong.
    pub(super) fn opt_url(&mut self, r: &Record, key: &'static str) -> Option<Option<String>> {
        if !r.has(key) {
            return Some(None);
        }
        self.url(r, key).map(Some)
    }

    pub(super) fn url(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let url = self.word(r, key)?;
        match check_url(&url) {
            Ok(()) => Some(url),
            Err(why) => {
                self.error(
                    r.field_pos(key),
                    &r.child(key),
                    Problem::BadUrl { url, why },
                );
                None
            }
        }
    }

    pub(super) fn text(&mut self, r: &Record, key: &'static str) -> Option<Text> {
        let value = self.required(r, key)?;
        self.as_text(r, key, value)
    }

    pub(super) fn opt_text(&mut self, r: &Record, key: &'static str) -> Option<Text> {
        let value = r.table.get(key)?;
        self.as_text(r, key, value)
    }

    /// A name, the same in both languages (a string), or a text pair where the two differ.
    pub(super) fn name_or_text(&mut self, r: &Record, key: &'static str) -> Option<Text> {
        let value = self.required(r, key)?;
        match &value.value {
            Value::String(_) => {
                let name = self.as_string(r, key, value)?;
                self.check_characters(r, key, value, &name, false)
                    .then(|| Text::new(name.clone(), name))
            }
            Value::Table(_) => self.as_text(r, key, value),
            other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: TypeName::NameOrTextPair,
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    fn as_text(&mut self, r: &Record, key: &str, value: &Spanned<Value>) -> Option<Text> {
        let Value::Table(pair) = &value.value else {
            self.error(
                value.pos,
                &r.child(key),
                Problem::WrongType {
                    expected: TypeName::TextPair,
                    found: value.value.type_name(),
                },
            );
            return None;
        };
        let inner = Record {
            table: pair,
            path: r.child(key),
            pos: value.pos,
        };
        self.check_fields(&inner, &["vi", "en"]);
        let mut texts = [None, None];
        for (slot, lang) in texts.iter_mut().zip(Lang::ALL) {
            match pair.get(lang.code()) {
                None => self.error(
                    value.pos,
                    &inner.child(lang.code()),
                    Problem::MissingTranslation { lang },
                ),
                Some(item) => {
                    *slot = self
                        .as_string(&inner, lang.code(), item)
                        .filter(|text| self.check_characters(&inner, lang.code(), item, text, true))
                }
            }
        }
        let [vi, en] = texts;
        Some(Text { vi: vi?, en: en? })
    }

    pub(super) fn number(&mut self, r: &Record, key: &'static str) -> Option<f64> {
        let value = self.required(r, key)?;
        self.as_number(r, key, value)
    }

    pub(super) fn opt_number(&mut self, r: &Record, key: &'static str) -> Option<Option<f64>> {
        match r.table.get(key) {
            None => Some(None),
            Some(value) => self.as_number(r, key, value).map(Some),
        }
    }

    /// A number; a warning when it has more digits than an f64 holds (twenty digits are
    /// silently rounded otherwise).
    pub(super) fn as_number(
        &mut self,
        r: &Record,
        key: &str,
        value: &Spanned<Value>,
    ) -> Option<f64> {
        match &value.value {
            Value::Number {
                value: number,
                inexact,
                ..
            } => {
                if let Some(written) = inexact {
                    self.warning(
                        value.pos,
                        &r.child(key),
                        Problem::TooPrecise {
                            written: written.to_string(),
                            read: *number,
                        },
                    );
                }
                Some(*number)
            }
            other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: TypeName::Number,
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    /// A whole number in `min..=max`.
    pub(super) fn whole(
        &mut self,
        r: &Record,
        key: &'static str,
        min: f64,
        max: f64,
    ) -> Option<f64> {
        let value = self.required(r, key)?;
        let number = self.as_whole(r, key, value)?;
        if !(min..=max).contains(&number) {
            self.error(
                value.pos,
                &r.child(key),
                Problem::OutOfRange {
                    value: number,
                    min,
                    max,
                },
            );
            return None;
        }
        Some(number)
    }

    fn as_whole(&mut self, r: &Record, key: &str, value: &Spanned<Value>) -> Option<f64> {
        match value.value {
            Value::Number {
                value: number,
                integer: true,
                ..
            } => Some(number),
            ref other => {
                let found = if matches!(other, Value::Number { .. }) {
                    TypeName::DecimalNumber
                } else {
                    other.type_name()
                };
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: TypeName::WholeNumber,
                        found,
                    },
                );
                None
            }
        }
    }

    pub(super) fn year(&mut self, r: &Record, key: &'static str) -> Option<i32> {
        let value = self.required(r, key)?;
        let number = self.as_whole(r, key, value)?;
        if !(f64::from(*YEARS.start())..=f64::from(*YEARS.end())).contains(&number) {
            let year = number.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
            self.error(value.pos, &r.child(key), Problem::YearOutOfRange { year });
            return None;
        }
        Some(number as i32)
    }

    pub(super) fn period(&mut self, r: &Record, key: &'static str) -> Option<Period> {
        let text = self.word(r, key)?;
        self.read_period(&text, r.field_pos(key), &r.child(key))
    }

    /// `"2021-2025"`: both years within `YEARS`, the first not after the last.
    fn read_period(
        &mut self,
        text: &str,
        pos: crate::plan::toml::Pos,
        path: &str,
    ) -> Option<Period> {
        match period_years(text) {
            Some((first, last)) if !YEARS.contains(&first) || !YEARS.contains(&last) => {
                let year = if YEARS.contains(&first) { last } else { first };
                self.error(pos, path, Problem::YearOutOfRange { year });
                None
            }
            Some((first, last)) if first <= last => Some(Period { first, last }),
            _ => {
                self.error(
                    pos,
                    path,
                    Problem::BadPeriod {
                        text: text.to_string(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn opt_bool(&mut self, r: &Record, key: &'static str) -> Option<bool> {
        let value = r.table.get(key)?;
        match value.value {
            Value::Bool(flag) => Some(flag),
            ref other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: TypeName::Bool,
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn date(
        &mut self,
        r: &Record,
        key: &'static str,
        future: Future,
    ) -> Option<PartialDate> {
        let text = self.word(r, key)?;
        self.read_date(r, key, &text, future)
    }

    /// A date in ISO order, within `YEARS`, and not after today when `future` refuses it.
    pub(super) fn read_date(
        &mut self,
        r: &Record,
        key: &'static str,
        text: &str,
        future: Future,
    ) -> Option<PartialDate> {
        let pos = r.field_pos(key);
        let Some(date) = PartialDate::parse(text) else {
            self.error(
                pos,
                &r.child(key),
                Problem::BadDate {
                    text: text.to_string(),
                    iso: day_first(text),
                },
            );
            return None;
        };
        if !YEARS.contains(&date.year) {
            self.error(
                pos,
                &r.child(key),
                Problem::YearOutOfRange { year: date.year },
            );
            return None;
        }
        if let (Future::Refused, Some(today)) = (future, self.today) {
            if after(date, today) {
                self.error(
                    pos,
                    &r.child(key),
                    Problem::FutureDate {
                        text: text.to_string(),
                        today: today.to_string(),
                    },
                );
                return None;
            }
        }
        Some(date)
    }

    pub(super) fn opt_date(
        &mut self,
        r: &Record,
        key: &'static str,
        future: Future,
    ) -> Option<Option<PartialDate>> {
        if !r.has(key) {
            return Some(None);
        }
        self.date(r, key, future).map(Some)
    }

    /// A date that may be `"unknown"` (a publication date, a document's date): `Some(None)`
    /// then. An empty string gets a message naming `"unknown"` as the word to use.
    pub(super) fn date_or_unknown(
        &mut self,
        r: &Record,
        key: &'static str,
    ) -> Option<Option<PartialDate>> {
        let value = self.required(r, key)?;
        if let Value::String(text) = &value.value {
            if text.trim().is_empty() {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::EmptyText { unknown: true },
                );
                return None;
            }
            if text == "unknown" {
                return Some(None);
            }
        }
        let text = self.as_string(r, key, value)?;
        self.read_date(r, key, &text, Future::Refused).map(Some)
    }

    pub(super) fn one_of<T: Copy>(
        &mut self,
        r: &Record,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Option<T> {
        let text = self.word(r, key)?;
        let found = choices
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, value)| *value);
        if found.is_none() {
            self.error(
                r.field_pos(key),
                &r.child(key),
                Problem::NotOneOf {
                    found: text,
                    allowed: choices.iter().map(|(name, _)| *name).collect(),
                },
            );
        }
        found
    }

    /// An optional choice with a default when absent.
    pub(super) fn opt_one_of<T: Copy>(
        &mut self,
        r: &Record,
        key: &'static str,
        choices: &[(&'static str, T)],
        default: T,
    ) -> Option<T> {
        if r.has(key) {
            self.one_of(r, key, choices)
        } else {
            Some(default)
        }
    }
}

/// Lowercase ASCII letters, digits, `-` and `_`.
pub(super) fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Strictly after `today`, at the precision of the date: "2026" is after a day of 2025, but
/// "2025-12" is not after 2025-12-01 (the month has begun).
fn after(date: PartialDate, today: PartialDate) -> bool {
    let today_month = today.month.unwrap_or(12);
    let today_day = today.day.unwrap_or(31);
    // Each comparison comes after an arm that settled equality, so `>=` for `>` in the year
    // and month arms reads the same (two equivalent mutants).
    match (date.month, date.day) {
        _ if date.year != today.year => date.year > today.year,
        (None, _) => false,
        (Some(month), _) if month != today_month => month > today_month,
        (Some(_), None) => false,
        (Some(_), Some(day)) => day > today_day,
    }
}

/// `27/12/2023`, `27-12-2023` or `27.12.2023` written day first: the ISO form, as a hint.
fn day_first(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let number = |s: &str, max: u32| {
        s.parse::<u32>()
            .ok()
            .filter(|n| (1..=max).contains(n) && s.len() <= 2)
    };
    match parts.as_slice() {
        // (For a full date the year test only spares work: `PartialDate::parse` refuses a
        // year that is not four digits, so loosening it changes no hint.)
        [d, m, y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            let (d, m) = (number(d, 31)?, number(m, 12)?);
            let iso = format!("{y}-{m:02}-{d:02}");
            PartialDate::parse(&iso).map(|_| iso)
        }
        [m, y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            Some(format!("{y}-{:02}", number(m, 12)?))
        }
        _ => None,
    }
}

/// The two years of `"2021-2025"`, in any order; `None` if it is not two four-digit years.
fn period_years(text: &str) -> Option<(i32, i32)> {
    let (first, last) = text.split_once('-')?;
    let year = |part: &str| {
        (part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i32>().ok())
            .flatten()
    };
    Some((year(first)?, year(last)?))
}

/// `"2021-2025"`: two years within 1900–2200, the first not after the last.
pub fn parse_period(text: &str) -> Option<Period> {
    let (first, last) = period_years(text)?;
    (YEARS.contains(&first) && YEARS.contains(&last) && first <= last)
        .then_some(Period { first, last })
}

/// An `http://` or `https://` address (the scheme in any case) with a host, no user name or
/// password, no space and no invisible character.
pub(super) fn check_url(url: &str) -> Result<(), UrlProblem> {
    if let Some(c) = url.chars().find(|c| is_invisible(*c)) {
        return Err(UrlProblem::Invisible(c));
    }
    if url.chars().any(char::is_whitespace) {
        return Err(UrlProblem::Space);
    }
    let (scheme, rest) = url.split_once("://").ok_or(UrlProblem::Scheme)?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(UrlProblem::Scheme);
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(UrlProblem::Credentials);
    }
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let (address, after) = inner.split_once(']').ok_or(UrlProblem::BadHost)?;
        if address.is_empty()
            || !address
                .chars()
                .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'))
        {
            return Err(UrlProblem::BadHost);
        }
        match after {
            "" => ("ipv6", None),
            _ => (
                "ipv6",
                Some(after.strip_prefix(':').ok_or(UrlProblem::BadHost)?),
            ),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(UrlProblem::NoHost);
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if !host.trim_end_matches('.').split('.').all(label_ok) {
        return Err(UrlProblem::BadHost);
    }
    if port.is_some_and(|p| p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(UrlProblem::BadHost);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(check_url("https://example.org/a?b#c"), Ok(()));
        assert_eq!(check_url("HTTPS://Example.org"), Ok(()));
        assert_eq!(check_url("http://báo.vn/x"), Ok(()));
        assert_eq!(check_url("http://[::1]:8080/x"), Ok(()));
        assert_eq!(check_url("https://example.org:443/"), Ok(()));
        assert_eq!(check_url("ftp://example.org"), Err(UrlProblem::Scheme));
        assert_eq!(check_url("www.example.org"), Err(UrlProblem::Scheme));
        assert_eq!(check_url("https://"), Err(UrlProblem::NoHost));
        assert_eq!(check_url("https:///path"), Err(UrlProblem::NoHost));
        assert_eq!(check_url("https://?q=1"), Err(UrlProblem::NoHost));
        assert_eq!(check_url("https://:80/"), Err(UrlProblem::NoHost));
        assert_eq!(
            check_url("https://user:pw@example.org/"),
            Err(UrlProblem::Credentials)
        );
        assert_eq!(check_url("https://exa mple.org"), Err(UrlProblem::Space));
        assert_eq!(
            check_url("https://example.org/\u{202E}gpj.exe"),
            Err(UrlProblem::Invisible('\u{202E}'))
        );
        assert_eq!(check_url("https://exa_mple.org"), Err(UrlProblem::BadHost));
        assert_eq!(check_url("https://example..org"), Err(UrlProblem::BadHost));
        assert_eq!(
            check_url("https://example.org:80x/"),
            Err(UrlProblem::BadHost)
        );
        assert_eq!(check_url("https://-example.org/"), Err(UrlProblem::BadHost));
        // A bracketed IPv6 host: hex digits, colons and dots, then nothing or a port.
        assert_eq!(check_url("http://[::1]/x"), Ok(()));
        assert_eq!(check_url("http://[]/x"), Err(UrlProblem::BadHost));
        assert_eq!(check_url("http://[::g]/x"), Err(UrlProblem::BadHost));
        assert_eq!(check_url("http://[::1]x/"), Err(UrlProblem::BadHost));
        // A port is one to five digits.
        assert_eq!(check_url("https://example.org:65535/"), Ok(()));
        assert_eq!(check_url("https://example.org:/"), Err(UrlProblem::BadHost));
        assert_eq!(
            check_url("https://example.org:123456/"),
            Err(UrlProblem::BadHost)
        );
    }

    /// A period is two four-digit years: anything else is not a period at all (its own message),
    /// whereas two years out of 1900–2200 are a period out of range.
    #[test]
    fn period_years_are_four_digits() {
        assert_eq!(period_years("2021-2025"), Some((2021, 2025)));
        assert_eq!(period_years("2021-20250"), None);
        assert_eq!(period_years("2021-202x"), None);
        assert_eq!(period_years("0000-9999"), Some((0, 9999)));
    }

    #[test]
    fn dates_after_today() {
        let today = PartialDate::parse("2025-11-05").unwrap();
        let at = |text: &str| after(PartialDate::parse(text).unwrap(), today);
        assert!(!at("2025-11-05") && !at("2025-11") && !at("2025") && !at("2024-12-31"));
        assert!(at("2025-11-06") && at("2025-12") && at("2026") && at("9025-01-01"));
        assert!(!at("2025-10-31"));
    }

    #[test]
    fn day_first_dates_get_their_iso_form() {
        assert_eq!(day_first("27/12/2023"), Some("2023-12-27".into()));
        assert_eq!(day_first("5.7.2025"), Some("2025-07-05".into()));
        assert_eq!(day_first("12/2023"), Some("2023-12".into()));
        assert_eq!(day_first("31/02/2023"), None);
        assert_eq!(day_first("2023/12/27"), None);
        // Only a day and a month of one or two digits and a year of four digits make a hint:
        // anything else is not a day-first date, and no hint is better than a wrong one.
        assert_eq!(day_first("027/12/2023"), None);
        assert_eq!(day_first("27/012/2023"), None);
        assert_eq!(day_first("12/23"), None);
        assert_eq!(day_first("12/20x3"), None);
        assert_eq!(day_first("12/202345"), None);
        assert_eq!(day_first("27/12/23"), None);
        assert_eq!(day_first("27/12/20x3"), None);
    }

    #[test]
    fn periods() {
        assert_eq!(
            parse_period("2021-2025"),
            Some(Period {
                first: 2021,
                last: 2025
            })
        );
        assert_eq!(
            parse_period("2025-2025"),
            Some(Period {
                first: 2025,
                last: 2025
            })
        );
        assert_eq!(parse_period("2025-2021"), None);
        assert_eq!(parse_period("0000-9999"), None);
        assert_eq!(parse_period("2021–2025"), None);
    }
}
