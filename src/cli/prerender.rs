//! `chitieu prerender DIR`: writes the first view into the built pages. For every page of
//! `embed::prerendered_pages` it renders the widget's own Yew components natively (Yew's
//! `ssr`, hydratable) with the embedded plan and the state the page stands for, and puts the
//! result into a copy of Trunk's `DIR/index.html`: the chart (inline SVG, one layout per design
//! width), the headline, statuses, summary, targets, tables and sources are in the HTML, so a
//! reader sees them before any script runs, or without script. The wasm then takes the page
//! over (hydration) without changing what is shown. No second renderer: the same components
//! and the same `chart::draw` as in the browser.

use crate::web::app::{App, AppProps};
use chitieu_core::embed;
use chitieu_core::export::Day;
use chitieu_core::i18n::{t, Ui};
use chitieu_core::plan::codec;
use chitieu_core::query::{self, Query};

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Where Trunk's page leaves room for the widget (index.html).
const MOUNT: &str = "<div id=\"chitieu\"></div>";

pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let mut dir = None;
    let mut today = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--today" => match iter.next().and_then(|d| parse_day(d)) {
                Some(day) => today = Some(day),
                None => {
                    let _ = writeln!(err, "chitieu prerender: --today needs YYYY-MM-DD");
                    return ExitCode::from(2);
                }
            },
            other if dir.is_none() => dir = Some(other.to_string()),
            other => {
                let _ = writeln!(err, "chitieu prerender: unexpected argument `{other}`");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        let _ = writeln!(err, "chitieu prerender: needs the built directory (dist)");
        return ExitCode::from(2);
    };
    let today = today.unwrap_or_else(system_today);
    match prerender(Path::new(&dir), today) {
        Ok(pages) => {
            let _ = writeln!(
                out,
                "prerender: {pages} pages in {dir} (rendered for {:04}-{:02}-{:02})",
                today.year, today.month, today.day
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            let _ = writeln!(err, "chitieu prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(dir: &Path, today: Day) -> Result<usize, String> {
    let template_path = dir.join("index.html");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    if !template.contains(MOUNT) {
        return Err(format!(
            "{}: no `{MOUNT}` to render into (already pre-rendered?)",
            template_path.display()
        ));
    }
    let plan = codec::decode(crate::web::plan_source::EMBEDDED)
        .map_err(|e| format!("the embedded plan: {e}"))?;
    let pages = embed::prerendered_pages(&plan);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("no runtime: {e}"))?;
    for (name, state) in &pages {
        let body = runtime.block_on(render(state.clone(), today));
        let html = page(&template, &plan, state, &body, today);
        let path = dir.join(name);
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(pages.len())
}

/// The widget for `state`, as hydratable HTML.
async fn render(state: Query, today: Day) -> String {
    let props = AppProps {
        query: state,
        notices: Vec::new(),
        today,
        prerendered: true,
    };
    yew::ServerRenderer::<App>::with_props(move || props)
        .hydratable(true)
        .render()
        .await
}

/// Trunk's page with the rendered widget in it, the page's language and title, and the two
/// `<meta>` the start-up reads: the state the page shows, and the day it was rendered for.
fn page(
    template: &str,
    plan: &chitieu_core::plan::Plan,
    state: &Query,
    body: &str,
    today: Day,
) -> String {
    let lang = state.lang.unwrap_or_default();
    let plan_title = plan
        .meta
        .short_title
        .as_ref()
        .unwrap_or(&plan.meta.title)
        .get(lang);
    let title = match state.indicator.as_deref().and_then(|id| plan.indicator(id)) {
        Some(indicator) => format!("{} — {plan_title}", indicator.name.get(lang)),
        None => format!("{} — {plan_title}", t(Ui::AppName, lang)),
    };
    let meta = format!(
        "<meta name=\"chitieu-prerendered\" content=\"{}\">\n  \
         <meta name=\"chitieu-today\" content=\"{:04}-{:02}-{:02}\">\n  ",
        escape(query::to_string(state).trim_start_matches('?')),
        today.year,
        today.month,
        today.day
    );
    let mut html = template.replacen(MOUNT, &format!("<div id=\"chitieu\">{body}</div>"), 1);
    html = html.replacen(
        "<html lang=\"vi\">",
        &format!("<html lang=\"{}\">", lang.code()),
        1,
    );
    if let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) {
        html.replace_range(
            start..end + "</title>".len(),
            &format!("<title>{}</title>", escape(&title)),
        );
    }
    // The state first in <head>: the guard script after it reads it before the first paint.
    html.replacen(
        "<meta charset=\"utf-8\">",
        &format!("<meta charset=\"utf-8\">\n  {meta}"),
        1,
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn parse_day(text: &str) -> Option<Day> {
    let date = chitieu_core::plan::PartialDate::parse(text)?;
    Some(Day {
        year: date.year,
        month: u32::from(date.month?),
        day: u32::from(date.day?),
    })
}

/// Today's date (UTC) from the system clock, or from SOURCE_DATE_EPOCH for reproducible builds.
fn system_today() -> Day {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    civil_from_days(seconds.div_euclid(86_400))
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> Day {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Day { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chitieu_core::text::Lang;

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(
            civil_from_days(0),
            Day {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            civil_from_days(20_788),
            Day {
                year: 2026,
                month: 12,
                day: 1
            }
        );
        assert_eq!(
            civil_from_days(11_016),
            Day {
                year: 2000,
                month: 2,
                day: 29
            }
        );
    }

    #[test]
    fn the_page_carries_its_state_language_and_title() {
        let plan = codec::decode(crate::web::plan_source::EMBEDDED).expect("the embedded plan");
        let template = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>x</title>\n</head>\n<body>\n<div id=\"chitieu\"></div>\n</body>\n</html>\n";
        let state = Query {
            lang: Some(Lang::En),
            indicator: Some("grdp_growth".into()),
            embed: true,
            ..Query::default()
        };
        let html = page(
            template,
            &plan,
            &state,
            "<p>body</p>",
            Day {
                year: 2026,
                month: 12,
                day: 1,
            },
        );
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains("<meta name=\"chitieu-prerendered\" content=\"lang=en&amp;indicator=grdp_growth&amp;embed=1\">"), "{html}");
        assert!(html.contains("<meta name=\"chitieu-today\" content=\"2026-12-01\">"));
        assert!(html.contains("<div id=\"chitieu\"><p>body</p></div>"));
        assert!(html.contains("<title>GRDP growth — "), "{html}");
    }
}
