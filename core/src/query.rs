//! The widget's state as it lives in the page address (`?lang=en&indicator=grdp_growth`), read
//! and written without the DOM. Every unknown or malformed value becomes a `Notice` naming the
//! parameter and what is allowed; the widget then falls back to the default, never a blank page.

use crate::chart::ThemeName;
use crate::text::Lang;

pub const PARAMETERS: [&str; 8] = [
    "lang",
    "theme",
    "indicator",
    "period",
    "view",
    "plan",
    "embed",
    "childId",
];

/// What the page shows: the overview with the indicator below it, the indicator's chart alone,
/// or its tables alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Scorecard,
    Chart,
    Table,
}

impl View {
    pub const ALL: [View; 3] = [View::Scorecard, View::Chart, View::Table];

    pub fn code(self) -> &'static str {
        match self {
            View::Scorecard => "scorecard",
            View::Chart => "chart",
            View::Table => "table",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    pub indicator: Option<String>,
    /// A plan period such as "2021-2025", or "all"; checked against the plan by the caller.
    pub period: Option<String>,
    /// `None` is the default view (the scorecard), left out of the address.
    pub view: Option<View>,
    /// A plan file to load instead of the embedded one; same-origin paths only.
    pub plan: Option<String>,
    pub embed: bool,
    /// The pym.js iframe id, kept so that a reload inside the frame still answers to it.
    pub child_id: Option<String>,
}

/// Something in the address the widget could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    UnknownParameter {
        name: String,
    },
    BadValue {
        name: &'static str,
        value: String,
        allowed: Vec<String>,
    },
    ForeignPlan {
        value: String,
    },
}

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str) -> (Query, Vec<Notice>) {
    let mut out = Query::default();
    let mut notices = Vec::new();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match name {
            "lang" => match Lang::from_code(&value) {
                Some(lang) => out.lang = Some(lang),
                None => notices.push(Notice::BadValue {
                    name: "lang",
                    value,
                    allowed: Lang::ALL.iter().map(|l| l.code().to_string()).collect(),
                }),
            },
            "theme" => match ThemeName::from_code(&value) {
                Some(theme) => out.theme = Some(theme),
                None => notices.push(Notice::BadValue {
                    name: "theme",
                    value,
                    allowed: ThemeName::ALL
                        .iter()
                        .map(|t| t.code().to_string())
                        .collect(),
                }),
            },
            // Checked against the plan by the caller, who knows its indicators.
            "indicator" => out.indicator = Some(value),
            "period" => out.period = Some(value),
            "plan" => {
                if is_same_origin_path(&value) {
                    out.plan = Some(value);
                } else {
                    notices.push(Notice::ForeignPlan { value });
                }
            }
            "view" => match View::from_code(&value) {
                Some(view) => out.view = Some(view),
                None => notices.push(Notice::BadValue {
                    name: "view",
                    value,
                    allowed: View::ALL.iter().map(|v| v.code().to_string()).collect(),
                }),
            },
            "embed" => match value.as_str() {
                "" | "1" | "true" => out.embed = true,
                "0" | "false" => out.embed = false,
                _ => notices.push(Notice::BadValue {
                    name: "embed",
                    value,
                    allowed: vec!["1".into(), "0".into()],
                }),
            },
            // The id a pym.js parent gives its iframe; echoed in height messages, never shown.
            "childId" => out.child_id = child_id(pair),
            other => notices.push(Notice::UnknownParameter {
                name: decode(other),
            }),
        }
    }
    (out, notices)
}

/// The `childId` a pym.js parent puts in its iframe's address, which the embedded page repeats
/// in its height messages. Kept to a safe alphabet (it is echoed to the parent), else `None`.
pub fn child_id(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "childId")
        .map(|(_, value)| decode(value))
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 100
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
                // pym's field separator would split the message in the wrong place.
                && !id.contains("xPYMx")
        })
}

/// A relative or root-relative path: no scheme, no `//host`, no backslash tricks.
pub fn is_same_origin_path(value: &str) -> bool {
    !value.is_empty()
        && !value.contains("://")
        && !value.starts_with("//")
        && !value.contains('\\')
        && !value.to_ascii_lowercase().starts_with("data:")
        && !value.to_ascii_lowercase().starts_with("javascript:")
        && !value.contains(':')
}

/// Writes the query back, leaving out defaults so shared links stay short.
pub fn to_string(query: &Query) -> String {
    let mut parts = Vec::new();
    if let Some(lang) = query.lang.filter(|l| *l != Lang::Vi) {
        parts.push(format!("lang={}", lang.code()));
    }
    if let Some(theme) = query.theme {
        parts.push(format!("theme={}", theme.code()));
    }
    if let Some(indicator) = &query.indicator {
        parts.push(format!("indicator={}", encode(indicator)));
    }
    if let Some(period) = &query.period {
        parts.push(format!("period={}", encode(period)));
    }
    if let Some(view) = query.view.filter(|v| *v != View::Scorecard) {
        parts.push(format!("view={}", view.code()));
    }
    if let Some(plan) = &query.plan {
        parts.push(format!("plan={}", encode(plan)));
    }
    if query.embed {
        parts.push("embed=1".to_string());
    }
    if let Some(id) = &query.child_id {
        parts.push(format!("childId={}", encode(id)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'/' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_parameters_and_reports_the_rest() {
        let (query, notices) = parse("?lang=en&theme=dark&indicator=grdp_growth&colour=red&lang2");
        assert_eq!(query.lang, Some(Lang::En));
        assert_eq!(query.theme, Some(ThemeName::Dark));
        assert_eq!(query.indicator.as_deref(), Some("grdp_growth"));
        assert_eq!(
            notices,
            vec![
                Notice::UnknownParameter {
                    name: "colour".into()
                },
                Notice::UnknownParameter {
                    name: "lang2".into()
                }
            ]
        );
    }

    #[test]
    fn views_round_trip_and_bad_ones_are_named() {
        let (query, notices) = parse("view=table");
        assert_eq!(query.view, Some(View::Table));
        assert!(notices.is_empty());
        assert_eq!(to_string(&query), "?view=table");
        assert_eq!(
            to_string(&Query {
                view: Some(View::Scorecard),
                ..Query::default()
            }),
            ""
        );
        let (_, notices) = parse("view=map");
        assert_eq!(
            notices,
            vec![Notice::BadValue {
                name: "view",
                value: "map".into(),
                allowed: vec!["scorecard".into(), "chart".into(), "table".into()]
            }]
        );
    }

    #[test]
    fn bad_values_name_what_is_allowed() {
        let (query, notices) = parse("lang=fr&theme=neon");
        assert_eq!(query, Query::default());
        assert_eq!(
            notices[0],
            Notice::BadValue {
                name: "lang",
                value: "fr".into(),
                allowed: vec!["vi".into(), "en".into()]
            }
        );
        assert!(
            matches!(&notices[1], Notice::BadValue { name: "theme", allowed, .. } if allowed.len() == 3)
        );
    }

    #[test]
    fn plans_only_from_the_same_origin() {
        assert_eq!(
            parse("plan=data/other.toml").0.plan.as_deref(),
            Some("data/other.toml")
        );
        assert_eq!(
            parse("plan=%2Fplans%2Fx.toml").0.plan.as_deref(),
            Some("/plans/x.toml")
        );
        for foreign in [
            "https://evil.example/x.toml",
            "//evil.example/x.toml",
            "data:text/plain,x",
            "javascript:alert(1)",
        ] {
            let (query, notices) = parse(&format!("plan={}", encode(foreign)));
            assert_eq!(query.plan, None, "{foreign}");
            assert_eq!(
                notices,
                vec![Notice::ForeignPlan {
                    value: foreign.to_string()
                }]
            );
        }
    }

    #[test]
    fn child_id_is_accepted_and_read_separately() {
        let (query, notices) = parse("?indicator=x&childId=chart-1&embed=1");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(query.indicator.as_deref(), Some("x"));
        assert_eq!(
            child_id("?indicator=x&childId=chart-1"),
            Some("chart-1".into())
        );
        assert_eq!(child_id("childId=a%3Ab"), Some("a:b".into()));
        assert_eq!(child_id("?indicator=x"), None);
        assert_eq!(child_id("childId="), None);
        assert_eq!(child_id("childId=%3Cscript%3E"), None);
        assert_eq!(child_id("childId=axPYMxb"), None);
        assert!(PARAMETERS.contains(&"childId"));
    }

    #[test]
    fn round_trips_and_decodes_safely() {
        let query = Query {
            lang: Some(Lang::En),
            indicator: Some("a b".into()),
            embed: true,
            ..Query::default()
        };
        assert_eq!(to_string(&query), "?lang=en&indicator=a%20b&embed=1");
        assert_eq!(parse(&to_string(&query)).0, query);
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%C3%A0"), "à");
    }
}
