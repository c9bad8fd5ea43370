//! The Yew widget: a thin layer that reads the address, loads the plan, and shows what the core
//! computes. All arithmetic, text and drawing decisions live in `chitieu-core`.

pub mod actions;
pub mod app;
pub mod chart;
pub mod embed;
pub mod more;
pub mod overview;
pub mod panel;
pub mod plan_source;

#[cfg(target_arch = "wasm32")]
use chitieu_core::query;

/// Starts the widget on `#chitieu` (or `<body>`). What it needs from the browser (the address,
/// the day) is read here, once, and passed in as props.
///
/// A page the release build pre-rendered (`chitieu prerender`) names the state it shows in
/// `<meta name="chitieu-prerendered">`; the page's own address adds to it or overrides it. When
/// the two give the same state, the widget takes the page over (hydration) with the day the
/// page was rendered for, and nothing visible changes; otherwise the pre-rendered view was
/// hidden before the first paint (static/guard.js) and the widget draws the view the address
/// asks for in its place.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // Inside an iframe: post the page height to the parent on every change.
    embed::start();
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let meta = |name: &str| {
        document
            .as_ref()
            .and_then(|d| {
                d.query_selector(&format!("meta[name=\"{name}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|m| m.get_attribute("content"))
    };
    let search = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let base = meta("chitieu-prerendered");
    let (query, notices) = query::parse(&merge(base.as_deref().unwrap_or(""), &search));
    let now = js_sys::Date::new_0();
    let clock = chitieu_core::export::Day {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    };
    let prerendered_day = meta("chitieu-today")
        .and_then(|d| chitieu_core::plan::PartialDate::parse(&d))
        .and_then(|d| {
            Some(chitieu_core::export::Day {
                year: d.year,
                month: u32::from(d.month?),
                day: u32::from(d.day?),
            })
        });
    let same_state = base
        .as_deref()
        .is_some_and(|b| query::to_string(&query::parse(b).0) == query::to_string(&query));
    let hydrate = same_state && notices.is_empty() && prerendered_day.is_some();
    let props = app::AppProps {
        query,
        notices,
        today: if hydrate {
            prerendered_day.unwrap_or(clock)
        } else {
            clock
        },
        prerendered: hydrate,
    };
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("chitieu"))
        .or_else(|| document.as_ref().and_then(|d| d.body()).map(Into::into));
    let Some(root) = root else {
        return;
    };
    if hydrate {
        yew::Renderer::<app::App>::with_root_and_props(root, props).hydrate();
    } else {
        // Whatever was pre-rendered is not this view: the widget draws in its place.
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root_and_props(root, props).render();
        if let Some(html) = document.as_ref().and_then(|d| d.document_element()) {
            let _ = html.class_list().remove_1("chitieu-stale");
        }
    }
}

/// The page's pre-rendered state with the address's parameters added, the address's own value
/// winning for a name both give.
#[cfg(any(target_arch = "wasm32", test))]
fn merge(base: &str, address: &str) -> String {
    let address = address.trim_start_matches('?');
    let named = |pair: &str| pair.split('=').next().unwrap_or("").to_string();
    let overridden: Vec<String> = address
        .split('&')
        .filter(|p| !p.is_empty())
        .map(named)
        .collect();
    let kept = base
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !overridden.contains(&named(p)));
    kept.chain(address.split('&').filter(|p| !p.is_empty()))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::merge;

    #[test]
    fn the_address_adds_to_and_overrides_the_pre_rendered_state() {
        assert_eq!(merge("", ""), "");
        assert_eq!(merge("lang=en", ""), "lang=en");
        assert_eq!(merge("", "?lang=en"), "lang=en");
        assert_eq!(
            merge("indicator=a&embed=1", "?indicator=b&utm_source=x"),
            "embed=1&indicator=b&utm_source=x"
        );
        assert_eq!(merge("lang=en", "?lang=vi"), "lang=vi");
    }
}
