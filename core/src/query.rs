//! The widget's state as it lives in the page address (`?lang=en&indicator=grdp_growth`), read
//! and written without the DOM. Every unknown or malformed value becomes a `Notice` naming the
//! parameter and what is allowed; the widget then falls back to the default, never a blank page.

use crate::chart::ThemeName;
use crate::text::Lang;

pub const PARAMETERS: [&str; 9] = [
    "lang",
    "theme",
    "indicator",
    "period",
    "view",
    "asof",
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
    /// Show the plan as it stood on this day (`asof=2025-12-08`): only figures published by
    /// then, statuses recomputed from them.
    pub asof: Option<crate::plan::PartialDate>,
}

/// Something in the address the widget could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A name that is not ours but close to one of ours: most likely a typo of `suggestion`.
    UnknownParameter {
        name: String,
        suggestion: &'static str,
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
            "asof" => match crate::plan::PartialDate::parse(&value)
                .filter(|d| d.day.is_some() && (1900..=2200).contains(&d.year))
            {
                Some(date) => out.asof = Some(date),
                None => notices.push(Notice::BadValue {
                    name: "asof",
                    value,
                    allowed: vec!["YYYY-MM-DD".into()],
                }),
            },
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
            other => {
                let name = decode(other);
                // Names the embedding and sharing ecosystem adds (pym.js, analytics, social
                // sites) are not for us and not a mistake: ignored without a word. Any other
                // name is only worth a notice when it looks like a slip for one of ours.
                if !is_foreign_parameter(&name) {
                    if let Some(suggestion) = closest_parameter(&name) {
                        notices.push(Notice::UnknownParameter { name, suggestion });
                    }
                }
            }
        }
    }
    (out, notices)
}

/// Parameters other software adds to a page's address: pym.js's own four (`initialWidth`,
/// `childId`, `parentTitle`, `parentUrl`), campaign tags (`utm_*`, Matomo's `pk_*`/`mtm_*`,
/// HubSpot's `hsa_*`) and the click ids of search engines, ad networks and social sites
/// (Facebook, Google, Microsoft, Yandex, X, TikTok, LinkedIn, Mailchimp, Instagram, Zalo).
pub fn is_foreign_parameter(name: &str) -> bool {
    const EXACT: [&str; 22] = [
        "initialWidth",
        "childId",
        "parentTitle",
        "parentUrl",
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "igshid",
        "zarsrc",
        "ref_src",
    ];
    const PREFIXES: [&str; 4] = ["utm_", "pk_", "mtm_", "hsa_"];
    EXACT.contains(&name) || PREFIXES.iter().any(|p| name.starts_with(p))
}

/// One of our parameter names that `name` is most likely a slip for: the same name in other
/// letter case, or one at most two edits away (`indicater`, `lng`, `perod`). Short names need
/// a closer match, so that `v` or `id` are not taken for `view` or `lang`.
pub fn closest_parameter(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let limit = if lower.chars().count() <= 3 { 1 } else { 2 };
    PARAMETERS
        .iter()
        .filter(|p| **p != "childId")
        .map(|p| (edit_distance(&lower, &p.to_lowercase()), *p))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p)
}

/// Levenshtein distance over characters; names are short, so the quadratic table is cheap, and
/// very long names are cut first so that an address cannot make it slow.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(40).collect();
    let b: Vec<char> = b.chars().take(40).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
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
    if let Some(date) = query.asof {
        parts.push(format!("asof={date}"));
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
        let (query, notices) =
            parse("?lang=en&theme=dark&indicator=grdp_growth&colour=red&lang2&Indicatr=x");
        assert_eq!(query.lang, Some(Lang::En));
        assert_eq!(query.theme, Some(ThemeName::Dark));
        assert_eq!(query.indicator.as_deref(), Some("grdp_growth"));
        // `colour` is nobody's slip: ignored. `lang2` and `Indicatr` are near ours.
        assert_eq!(
            notices,
            vec![
                Notice::UnknownParameter {
                    name: "lang2".into(),
                    suggestion: "lang",
                },
                Notice::UnknownParameter {
                    name: "Indicatr".into(),
                    suggestion: "indicator",
                }
            ]
        );
    }

    #[test]
    fn what_pym_analytics_and_social_sites_add_is_ignored_silently() {
        // The address pym.js 1.3.2's `pym.Parent` gives its iframe, plus a shared link's tags.
        let (query, notices) = parse(
            "?indicator=grdp_growth&embed=1&initialWidth=600&childId=chitieu-1\
             &parentTitle=B%C3%A1o&parentUrl=https%3A%2F%2Fnews.example%2Fa\
             &utm_source=zalo&utm_medium=social&fbclid=IwAR0&gclid=Cj0&zarsrc=30&_gl=1",
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(query.indicator.as_deref(), Some("grdp_growth"));
        assert!(query.embed);
        assert_eq!(query.child_id.as_deref(), Some("chitieu-1"));
        // Our own parameters with a bad value are still named.
        let (_, notices) = parse("?utm_campaign=x&lang=de");
        assert!(matches!(
            &notices[..],
            [Notice::BadValue { name: "lang", .. }]
        ));
    }

    #[test]
    fn slips_are_matched_to_the_nearest_parameter_only_when_close() {
        assert_eq!(closest_parameter("indicater"), Some("indicator"));
        assert_eq!(closest_parameter("INDICATOR"), Some("indicator"));
        assert_eq!(closest_parameter("perod"), Some("period"));
        assert_eq!(closest_parameter("lng"), Some("lang"));
        assert_eq!(closest_parameter("them"), Some("theme"));
        assert_eq!(closest_parameter("embedd"), Some("embed"));
        assert_eq!(closest_parameter("v"), None);
        assert_eq!(closest_parameter("id"), None);
        assert_eq!(closest_parameter("page"), None);
        assert_eq!(closest_parameter("colour"), None);
        assert_eq!(closest_parameter(&"x".repeat(10_000)), None);
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
