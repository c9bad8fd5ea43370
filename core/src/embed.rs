//! Embedding, without the DOM: the code the Embed dialog offers (an iframe of the compact view
//! plus the optional resizing script) and the text of the pym.js height message. The browser
//! layer (`src/web/embed.rs`, `src/web/embed_dialog.rs`) only reads the address and posts.

use crate::query::{self, Query};

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

/// `page` is the page's address without query or fragment (`https://host/dir/` or
/// `https://host/dir/index.html`); `search` its query. The frame keeps the view's language,
/// theme, indicator, period and plan, and adds `embed=1`.
pub fn urls(page: &str, search: &str) -> EmbedUrls {
    let (parsed, _) = query::parse(search);
    let frame_query = Query {
        embed: true,
        ..parsed
    };
    let dir = match page.rfind('/') {
        Some(i) => &page[..=i],
        None => page,
    };
    EmbedUrls {
        frame: format!("{page}{}", query::to_string(&frame_query)),
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
    fn the_frame_shows_the_current_view_compact() {
        let u = urls(
            "https://example.org/chitieu/",
            "?lang=en&indicator=grdp_growth&period=2021-2025&colour=red",
        );
        assert_eq!(
            u.frame,
            "https://example.org/chitieu/?lang=en&indicator=grdp_growth&period=2021-2025&embed=1"
        );
        assert_eq!(u.script, "https://example.org/chitieu/embed.js");
        let u = urls("http://127.0.0.1:8080/index.html", "");
        assert_eq!(u.frame, "http://127.0.0.1:8080/index.html?embed=1");
        assert_eq!(u.script, "http://127.0.0.1:8080/embed.js");
        // Already compact: stays compact, once.
        assert_eq!(
            urls("https://a.b/", "?embed=1").frame,
            "https://a.b/?embed=1"
        );
    }

    #[test]
    fn the_code_is_escaped_html() {
        let u = urls("https://a.b/", "?indicator=x");
        let html = code(&u, "Chỉ tiêu — \"Cần Thơ\" <2025> & more");
        assert!(
            html.starts_with("<iframe src=\"https://a.b/?indicator=x&amp;embed=1\""),
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
