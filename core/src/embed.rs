//! Embedding, without the DOM: the code the Embed dialog offers (an iframe of the compact view
//! plus the optional resizing script) and the text of the pym.js height message. The browser
//! layer (`src/web/embed.rs`, `src/web/embed_dialog.rs`) only reads the address and posts.

use crate::plan::Plan;
use crate::query::{self, Query};
use crate::text::Lang;

/// Initial iframe height in the offered code; `embed.js` then sets the real one.
pub const DEFAULT_FRAME_HEIGHT: u32 = 560;

/// The iframe sandbox offered to embedders: scripts and our own origin (module scripts and the
/// wasm fetch need it), links that open in a new tab. Never top navigation.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// Where the compact view of the current view lives, and where `embed.js` lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedUrls {
    pub frame: String,
    pub script: String,
}

/// The file of a pre-rendered page (the release build writes one per state below): the
/// default view `index.html` (Vietnamese) and `en.html` (English), and the compact embed of
/// each indicator, `embed-<indicator>.html` and `embed-<indicator>.en.html`. One function names
/// them for the build, the Embed dialog and the tests.
pub fn page_name(indicator: Option<&str>, lang: Lang, embed: bool) -> String {
    let suffix = match lang {
        Lang::Vi => "",
        Lang::En => ".en",
    };
    match (indicator, embed) {
        (Some(id), true) => format!("embed-{id}{suffix}.html"),
        _ if lang == Lang::Vi => "index.html".to_string(),
        _ => "en.html".to_string(),
    }
}

/// Every page the release build pre-renders, with the state (address form) it shows.
pub fn prerendered_pages(plan: &Plan) -> Vec<(String, Query)> {
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        pages.push((
            page_name(None, lang, false),
            Query {
                lang: Some(lang),
                ..Query::default()
            },
        ));
    }
    for indicator in &plan.indicators {
        for lang in Lang::ALL {
            pages.push((
                page_name(Some(&indicator.id), lang, true),
                Query {
                    lang: Some(lang),
                    indicator: Some(indicator.id.clone()),
                    embed: true,
                    ..Query::default()
                },
            ));
        }
    }
    pages
}

/// `page` is the page's address without query or fragment (`https://host/dir/` or
/// `https://host/dir/index.html`); `search` its query; `indicator` the indicator the page
/// shows (the plan's default when the address names none). The frame is the pre-rendered
/// compact page of that indicator and language, with what else the view has (theme, period, a
/// run-time plan) in its query.
pub fn urls(page: &str, search: &str, indicator: &str) -> EmbedUrls {
    let (parsed, _) = query::parse(search);
    let dir = match page.rfind('/') {
        Some(i) => &page[..=i],
        None => page,
    };
    let lang = parsed.lang.unwrap_or_default();
    let frame = if parsed.plan.is_some() {
        // A plan loaded at run time has no pre-rendered pages: the widget's own page, compact.
        let frame_query = Query {
            embed: true,
            indicator: Some(indicator.to_string()),
            child_id: None,
            view: None,
            ..parsed
        };
        format!("{dir}{}", query::to_string(&frame_query))
    } else {
        let rest = Query {
            theme: parsed.theme,
            period: parsed.period,
            asof: parsed.asof,
            ..Query::default()
        };
        format!(
            "{dir}{}{}",
            page_name(Some(indicator), lang, true),
            query::to_string(&rest)
        )
    };
    EmbedUrls {
        frame,
        script: format!("{dir}embed.js"),
    }
}

/// The HTML an embedder pastes: the iframe, then the script that resizes it to its content.
pub fn code(urls: &EmbedUrls, title: &str) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" height=\"{height}\" \
         style=\"width:100%;border:0\" sandbox=\"{SANDBOX}\" data-chitieu-frame></iframe>\n\
         <script src=\"{script}\" async></script>",
        src = attribute(&urls.frame),
        title = attribute(title),
        height = DEFAULT_FRAME_HEIGHT,
        script = attribute(&urls.script),
    )
}

/// pym.js's height message: `pym` xPYMx id xPYMx `height` xPYMx N.
pub fn pym_height_message(id: &str, height: u32) -> String {
    format!("pymxPYMx{id}xPYMxheightxPYMx{height}")
}

fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_is_the_pre_rendered_compact_page_of_the_view() {
        let u = urls(
            "https://example.org/chitieu/",
            "?lang=en&indicator=grdp_growth&period=2021-2025&colour=red",
            "grdp_growth",
        );
        assert_eq!(
            u.frame,
            "https://example.org/chitieu/embed-grdp_growth.en.html?period=2021-2025"
        );
        assert_eq!(u.script, "https://example.org/chitieu/embed.js");
        let u = urls(
            "http://127.0.0.1:8080/index.html",
            "",
            "poor_household_rate",
        );
        assert_eq!(
            u.frame,
            "http://127.0.0.1:8080/embed-poor_household_rate.html"
        );
        assert_eq!(u.script, "http://127.0.0.1:8080/embed.js");
        // A plan loaded at run time has no pre-rendered page: the compact view by its address.
        assert_eq!(
            urls("https://a.b/", "?plan=p.toml&embed=1", "x").frame,
            "https://a.b/?indicator=x&plan=p.toml&embed=1"
        );
    }

    #[test]
    fn every_pre_rendered_page_has_its_own_name() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"))
                .expect("dataset");
        let plan = crate::plan::load("can-tho.toml", &text).0.expect("plan");
        let pages = prerendered_pages(&plan);
        assert_eq!(pages.len(), 2 + 2 * plan.indicators.len());
        let mut names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), pages.len());
        assert_eq!(pages[0].0, "index.html");
        assert_eq!(pages[1].0, "en.html");
        // What the Embed dialog writes for a view is a page the build writes.
        let frame = urls("https://a.b/", "?lang=en", "grdp_growth").frame;
        assert!(names.contains(&frame.trim_start_matches("https://a.b/")));
    }

    #[test]
    fn the_code_is_escaped_html() {
        let u = urls("https://a.b/", "?indicator=x&period=all", "x");
        let html = code(&u, "Chỉ tiêu — \"Cần Thơ\" <2025> & more");
        assert!(
            html.starts_with("<iframe src=\"https://a.b/embed-x.html?period=all\""),
            "{html}"
        );
        assert!(html.contains("title=\"Chỉ tiêu — &quot;Cần Thơ&quot; &lt;2025&gt; &amp; more\""));
        assert!(html.contains(&format!("sandbox=\"{SANDBOX}\"")));
        assert!(!html.contains("allow-top-navigation"));
        assert!(html.ends_with("<script src=\"https://a.b/embed.js\" async></script>"));
    }

    #[test]
    fn pym_message_format() {
        assert_eq!(
            pym_height_message("c1", 640),
            "pymxPYMxc1xPYMxheightxPYMx640"
        );
    }
}
