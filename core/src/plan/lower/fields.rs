//! Field readers: each reads one field of a record as the type it must have (a string, an id, a
//! text pair, a number, a year, a date, one of a fixed list…), reports what is wrong with it at
//! its place, and returns `None` then, so the record reader can go on to the next field.

use super::{Cx, Record};
use crate::diagnostic::Problem;
use crate::plan::toml::{Spanned, Value};
use crate::plan::{PartialDate, Period, When};
use crate::text::{Lang, Text};

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
        let mut periods = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = format!("{}.periods[{}]", r.path, index + 1);
            match &item.value {
                Value::String(text) => match parse_period(text) {
                    Some(period) => periods.push(period),
                    None => self.error(item.pos, &path, Problem::BadPeriod { text: text.clone() }),
                },
                other => self.error(
                    item.pos,
                    &path,
                    Problem::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                    },
                ),
            }
        }
        (periods.len() == items.len()).then_some(periods)
    }

    pub(super) fn string_list(&mut self, r: &Record, key: &'static str) -> Option<Vec<String>> {
        let items = self.array(r, key)?;
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match &item.value {
                Value::String(text) => out.push(text.clone()),
                other => self.error(
                    item.pos,
                    &format!("{}.{key}[{}]", r.path, index + 1),
                    Problem::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                    },
                ),
            }
        }
        (out.len() == items.len()).then_some(out)
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
                        expected: "an array",
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

    pub(super) fn string(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let value = self.required(r, key)?;
        self.as_string(r, key, value)
    }

    pub(super) fn opt_string(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let value = r.table.get(key)?;
        self.as_string(r, key, value)
    }

    pub(super) fn as_string(
        &mut self,
        r: &Record,
        key: &str,
        value: &Spanned<Value>,
    ) -> Option<String> {
        match &value.value {
            Value::String(text) if text.trim().is_empty() => {
                self.error(value.pos, &r.child(key), Problem::EmptyText);
                None
            }
            Value::String(text) => Some(text.clone()),
            other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn id(&mut self, r: &Record, key: &'static str) -> Option<String> {
        let id = self.string(r, key)?;
        let valid = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !valid {
            self.error(r.field_pos(key), &r.child(key), Problem::BadId { id });
            return None;
        }
        Some(id)
    }

    pub(super) fn opt_url(&mut self, r: &Record, key: &'static str) -> Option<Option<String>> {
        let Some(url) = self.opt_string(r, key) else {
            return if r.table.get(key).is_some() {
                None
            } else {
                Some(None)
            };
        };
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(host)
                if !host.is_empty()
                    && !host.starts_with('/')
                    && !url.contains(char::is_whitespace) =>
            {
                Some(Some(url))
            }
            _ => {
                self.error(r.field_pos(key), &r.child(key), Problem::BadUrl { url });
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

    pub(super) fn as_text(
        &mut self,
        r: &Record,
        key: &str,
        value: &Spanned<Value>,
    ) -> Option<Text> {
        let Value::Table(pair) = &value.value else {
            self.error(
                value.pos,
                &r.child(key),
                Problem::WrongType {
                    expected: "a text pair { vi, en }",
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
                Some(item) => *slot = self.as_string(&inner, lang.code(), item),
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

    pub(super) fn as_number(
        &mut self,
        r: &Record,
        key: &str,
        value: &Spanned<Value>,
    ) -> Option<f64> {
        match value.value {
            Value::Number { value, .. } => Some(value),
            ref other => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "a number",
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn whole(
        &mut self,
        r: &Record,
        key: &'static str,
        min: f64,
        max: f64,
    ) -> Option<f64> {
        let value = self.required(r, key)?;
        match value.value {
            Value::Number {
                value: number,
                integer: true,
            } if (min..=max).contains(&number) => Some(number),
            Value::Number {
                value: number,
                integer: true,
            } => {
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::OutOfRange {
                        value: number,
                        min,
                        max,
                    },
                );
                None
            }
            ref other => {
                let found = if matches!(other, Value::Number { .. }) {
                    "a decimal number"
                } else {
                    other.type_name()
                };
                self.error(
                    value.pos,
                    &r.child(key),
                    Problem::WrongType {
                        expected: "a whole number",
                        found,
                    },
                );
                None
            }
        }
    }

    pub(super) fn year(&mut self, r: &Record, key: &'static str) -> Option<i32> {
        self.whole(r, key, 1900.0, 2200.0).map(|y| y as i32)
    }

    pub(super) fn period(&mut self, r: &Record, key: &'static str) -> Option<Period> {
        let text = self.string(r, key)?;
        let period = parse_period(&text);
        if period.is_none() {
            self.error(r.field_pos(key), &r.child(key), Problem::BadPeriod { text });
        }
        period
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
                        expected: "true or false",
                        found: other.type_name(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, r: &Record, key: &'static str) -> Option<PartialDate> {
        let text = self.string(r, key)?;
        let date = PartialDate::parse(&text);
        if date.is_none() {
            self.error(r.field_pos(key), &r.child(key), Problem::BadDate { text });
        }
        date
    }

    pub(super) fn opt_date(
        &mut self,
        r: &Record,
        key: &'static str,
    ) -> Option<Option<PartialDate>> {
        if r.table.get(key).is_none() {
            return Some(None);
        }
        self.date(r, key).map(Some)
    }

    pub(super) fn one_of<T: Copy>(
        &mut self,
        r: &Record,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Option<T> {
        let text = self.string(r, key)?;
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
}

/// `"2021-2025"`, first ≤ last.
pub fn parse_period(text: &str) -> Option<Period> {
    let (first, last) = text.split_once('-')?;
    let year = |part: &str| {
        (part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i32>().ok())
            .flatten()
    };
    let period = Period {
        first: year(first)?,
        last: year(last)?,
    };
    (period.first <= period.last).then_some(period)
}
