//! Places a `ChartSpec` in a box of a given size: scales, ticks, the pixel position of every
//! point, and every text. Pure arithmetic, so hit-testing (hover, keyboard focus) needs no
//! drawing, and the layout is identical on every backend and in tests.
//!
//! Texts are boxes measured by a fixed text-metrics model (`text_width`, `text_ascent`).
//! Axis texts are placed first (ticks are thinned until they fit); then every other label, by
//! priority, takes the first of its candidate positions that stays inside its bounds and clear
//! of the texts already placed, of the dots and of the lines; a label with no free position is
//! shortened, then dropped — every mark it names is also in the legend.

use super::legend::Ink;
use super::scale::{nice_domain, nice_ticks, Linear};
use super::spec::ChartSpec;
use crate::number;

/// Font size of every text on the chart, in CSS pixels.
pub const FONT_SIZE: f64 = 12.0;
/// Depth below the baseline of any text, in em (descenders, commas, parentheses).
pub const DESCENT: f64 = 0.24;
/// Space kept between two texts, and between a text and a mark.
const GAP: f64 = 2.0;
/// The room between a text and a series break's vertical rule.
const BREAK_GAP: f64 = 3.0;
/// Radius of a line's dots and of a context dot, in CSS pixels.
pub const DOT: f64 = 4.0;
pub const CONTEXT_DOT: f64 = 3.0;

/// Advance widths of printable ASCII (space to tilde), in thousandths of an em: per character
/// the larger of DejaVu Sans and Liberation Sans (Arial's metrics), measured in Chromium. Those
/// are the fonts "sans-serif" resolves to on Linux and Windows; DejaVu is the widest common
/// default, so no reader's font draws wider than this model (Helvetica and Roboto are narrower).
const ASCII: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556, 1015, 684, 686, 722, 770, 667,
    611, 778, 752, 295, 500, 667, 557, 863, 748, 787, 667, 787, 722, 667, 611, 732, 684, 989, 685,
    667, 685, 390, 337, 390, 838, 556, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// The case of a Latin letter outside ASCII, by its code point: Vietnamese writes its letters
/// precomposed in Latin-1 (À–ý), Latin Extended-A and -B (Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư) and Latin
/// Extended Additional (Ạ–ỹ), where capitals and small letters alternate. Arithmetic, not the
/// Unicode tables, which would weigh on every reader's download.
fn latin_case(c: char) -> Option<bool> {
    let code = c as u32;
    let upper = match code {
        0xC0..=0xDE if code != 0xD7 => true,
        0xDF..=0xFF if code != 0xF7 => false,
        0x100..=0x17F => code % 2 == 0,
        0x1A0 | 0x1AF => true,
        0x1A1 | 0x1B0 => false,
        0x1E00..=0x1EFF => code % 2 == 0,
        _ => return None,
    };
    Some(upper)
}

/// Width of one character in em. Vietnamese letters take the widest of their case: lower case
/// up to ư 0.634, capitals up to Ơ 0.913 (measured as above); a few typographic signs the chart
/// writes have their own widths; anything else an em.
fn char_em(c: char) -> f64 {
    let code = c as u32;
    if (32..127).contains(&code) {
        return f64::from(ASCII[(code - 32) as usize]) / 1000.0;
    }
    match c {
        // Measured 0.318 em (DejaVu Sans), rounded up.
        '\u{a0}' | '·' | '’' | '‘' => 0.319,
        '–' => 0.556,
        '—' | '…' => 1.0,
        '−' | '×' | '≥' | '≤' => 0.838,
        '“' | '”' => 0.518,
        '┆' => 0.602,
        '²' | '³' => 0.401,
        '●' | '○' => 0.873,
        'đ' => 0.635,
        'Đ' => 0.77,
        _ => match latin_case(c) {
            Some(false) => 0.635,
            Some(true) => 0.913,
            None => 1.0,
        },
    }
}

/// Text width by the fixed metrics model, the same on every backend and in tests.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_size
}

/// Height above the baseline of a text, in em: digits and Latin letters reach 0.76; Vietnamese
/// lower case with stacked marks (ấ, ể) 0.88; capitals with marks (Ấ, Ước) 1.03 (measured in
/// Chromium, DejaVu Sans and Liberation Sans).
pub fn text_ascent(text: &str) -> f64 {
    let mut ascent: f64 = 0.78;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        match latin_case(c) {
            Some(false) => ascent = 0.92,
            // Signs no taller than a digit.
            None if matches!(
                c,
                '\u{a0}'
                    | '·'
                    | '’'
                    | '‘'
                    | '–'
                    | '—'
                    | '…'
                    | '−'
                    | '×'
                    | '≥'
                    | '≤'
                    | '“'
                    | '”'
            ) => {}
            // A capital with a mark, or a character the model does not know: the tallest.
            _ => return 1.05,
        }
    }
    ascent
}

/// A text's ink above and below its baseline at `font_size`, in whole pixels: browsers snap
/// glyph bounds to the pixel grid at small sizes (12 px "Committee" inks 10 px above the
/// baseline, 0.83 em), so the model rounds up.
pub fn text_extent(text: &str, font_size: f64) -> (f64, f64) {
    (
        (text_ascent(text) * font_size).ceil(),
        (DESCENT * font_size).ceil(),
    )
}

/// A text box's height at `font_size`.
pub fn text_height(text: &str, font_size: f64) -> f64 {
    let (ascent, descent) = text_extent(text, font_size);
    ascent + descent
}

/// A straight piece of a drawn line, from one point to another, in CSS pixels.
pub type Segment = ((f64, f64), (f64, f64));

/// An axis-aligned box in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn intersects(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    pub fn inside(&self, other: &Rect) -> bool {
        self.left >= other.left
            && self.right <= other.right
            && self.top >= other.top
            && self.bottom <= other.bottom
    }

    fn grown(&self, by: f64) -> Rect {
        Rect {
            left: self.left - by,
            top: self.top - by,
            right: self.right + by,
            bottom: self.bottom + by,
        }
    }

    fn contains(&self, (x, y): (f64, f64)) -> bool {
        x > self.left && x < self.right && y > self.top && y < self.bottom
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    pub fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        if self.contains(a) || self.contains(b) {
            return true;
        }
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (p, q) in [
            (-dx, a.0 - self.left),
            (dx, self.right - a.0),
            (-dy, a.1 - self.top),
            (dy, self.bottom - a.1),
        ] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 >= t1 {
                    return false;
                }
            }
        }
        true
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// What a text on the chart is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelRole {
    YTick,
    XTick,
    /// The unit, once, at the top of the y axis.
    Unit,
    /// The latest value at the end of a line series (index into `spec.series`).
    End(usize),
    /// A target's value (index into `spec.targets`).
    Target(usize),
    /// A series break's date (index into `spec.breaks`).
    Break(usize),
    /// The value of a one-point required path.
    Required,
    /// The value of a one-year projection.
    Projection,
    /// The focused point's value (in the focus overlay).
    Focus,
}

impl LabelRole {
    /// Axis texts sit outside the plotting frame; every other text inside the picture's data
    /// area.
    pub fn is_axis(self) -> bool {
        matches!(self, LabelRole::YTick | LabelRole::XTick | LabelRole::Unit)
    }
}

/// A placed text: its words, its box, and where its anchor and baseline are.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub role: LabelRole,
    pub text: String,
    pub size: f64,
    pub ink: Ink,
    pub align: Align,
    /// The anchor's x: the box's left, middle or right edge by `align`.
    pub x: f64,
    pub baseline: f64,
    pub rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// The plotting frame: left, top, right, bottom.
    pub frame: (f64, f64, f64, f64),
    pub x: Linear,
    pub y: Linear,
    pub y_ticks: Vec<(f64, String)>,
    pub x_ticks: Vec<(i32, String)>,
    /// Every drawn point in series order: (series index, point index, x, y).
    pub points: Vec<PlacedPoint>,
    /// Every text, placed: axis texts first, then the labels by priority.
    pub labels: Vec<Label>,
    /// Labels that found no free position (their marks are explained by the legend).
    pub dropped: Vec<LabelRole>,
    /// The lines labels keep clear of, as segments.
    pub segments: Vec<Segment>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedPoint {
    pub series: usize,
    pub index: usize,
    pub x: f64,
    pub y: f64,
}

/// Where a label may go, relative to its anchor point: the box's side on x, and whether the
/// box sits above the point, below it, or centred on it.
#[derive(Clone, Copy)]
enum Side {
    Above,
    Below,
    Centre,
}

#[derive(Clone, Copy)]
struct Candidate {
    x: f64,
    y: f64,
    align: Align,
    side: Side,
}

fn candidate(x: f64, y: f64, align: Align, side: Side) -> Candidate {
    Candidate { x, y, align, side }
}

/// The top of a text as plotters positions it: its SVG backend writes a top-anchored text with
/// `dy="0.76em"`, so the baseline falls 0.76 em below the drawn position.
pub const TOP_TO_BASELINE: f64 = 0.76;

fn label_at(role: LabelRole, text: &str, ink: Ink, c: Candidate) -> Label {
    let size = FONT_SIZE;
    let width = text_width(text, size);
    let (ascent, descent) = text_extent(text, size);
    let height = ascent + descent;
    // Anchors on whole pixels (the backends draw at integer coordinates), so the box is where
    // the text is drawn, not half a pixel off.
    let x = c.x.round();
    let left = match c.align {
        Align::Start => x,
        Align::Middle => x - width / 2.0,
        Align::End => x - width,
    };
    let top = match c.side {
        Side::Above => c.y - height,
        Side::Below => c.y,
        Side::Centre => c.y - height / 2.0,
    };
    let drawn_at = (top + ascent - TOP_TO_BASELINE * size).round();
    let baseline = drawn_at + TOP_TO_BASELINE * size;
    Label {
        role,
        text: text.to_string(),
        size,
        ink,
        align: c.align,
        x,
        baseline,
        rect: Rect {
            left,
            top: baseline - ascent,
            right: left + width,
            bottom: baseline + descent,
        },
    }
}

/// The placement pass: what is placed so far and what labels keep clear of.
struct Placer {
    labels: Vec<Label>,
    dropped: Vec<LabelRole>,
    dots: Vec<Rect>,
    /// Lines of data (the figures, the required path, the projection): a label keeps clear of
    /// them where it can.
    segments: Vec<Segment>,
    /// Rules (target edges, series breaks): a text is never struck through by one.
    rules: Vec<Segment>,
    /// Where labels other than the axis texts may go.
    bounds: Rect,
}

impl Placer {
    /// Whether a box is free: inside the bounds, clear of every text, dot and rule, and, when
    /// `lines`, of the data lines too.
    fn free(&self, rect: &Rect, lines: bool) -> bool {
        if !rect.inside(&self.bounds) {
            return false;
        }
        let padded = rect.grown(GAP);
        let touches = |list: &[Segment]| list.iter().any(|(a, b)| rect.grown(1.0).crosses(*a, *b));
        // A series break's rule runs the plot's height: a text beside it keeps a gap a reader
        // can see ("5,78%" ended a pixel from the 1/7/2025 rule at 360 px), where a target's
        // edge only needs the text off it.
        let struck = self.rules.iter().any(|(a, b)| {
            let clear = if (a.0 - b.0).abs() < 1e-9 {
                BREAK_GAP
            } else {
                1.0
            };
            rect.grown(clear).crosses(*a, *b)
        });
        !self.labels.iter().any(|l| l.rect.intersects(&padded))
            && !self.dots.iter().any(|d| d.intersects(&padded))
            && !struck
            && (!lines || !touches(&self.segments))
    }

    /// The first free place among `tiers` for the first text that fits, clear of the data lines
    /// when `lines`.
    fn find(
        &self,
        role: LabelRole,
        texts: &[String],
        ink: Ink,
        tiers: &[Vec<Candidate>],
        slide: bool,
        lines: bool,
    ) -> Option<Label> {
        for tier in tiers {
            for text in texts {
                for c in tier {
                    let mut label = label_at(role, text, ink, *c);
                    if slide {
                        let shift = (self.bounds.left - label.rect.left).max(0.0).ceil()
                            - (label.rect.right - self.bounds.right).max(0.0).ceil();
                        label.rect.left += shift;
                        label.rect.right += shift;
                        label.x += shift;
                    }
                    if self.free(&label.rect, lines) {
                        return Some(label);
                    }
                }
            }
        }
        None
    }

    /// Places the label at the first free candidate: tier by tier (candidates equally near
    /// their mark), the longest text that fits anywhere in the tier; drops the label when no
    /// candidate is free. A label that names a span (a target over its years) may slide along
    /// it to stay inside the picture; one that names a point keeps to its point. A label that
    /// carries the chart's message (`must`: the lead line's value, the lead target's) may, as a
    /// last resort, cross a data line — never a text, a dot or a rule.
    fn place(
        &mut self,
        role: LabelRole,
        texts: &[String],
        ink: Ink,
        tiers: &[Vec<Candidate>],
        slide: bool,
        must: bool,
    ) {
        let found = self.find(role, texts, ink, tiers, slide, true).or_else(|| {
            must.then(|| {
                let shortest = &texts[texts.len().saturating_sub(1)..];
                self.find(role, shortest, ink, tiers, slide, false)
            })
            .flatten()
        });
        match found {
            Some(label) => self.labels.push(label),
            None => self.dropped.push(role),
        }
    }
}

pub fn layout(spec: &ChartSpec, width: f64, height: f64) -> Layout {
    let (min, max) = spec.value_extent().unwrap_or((0.0, 1.0));
    let span = (max - min).abs().max(max.abs() * 0.1).max(1e-9);
    let padded = (min - span * 0.06, max + span * 0.06);
    let padded = if min >= 0.0 && padded.0 < 0.0 {
        (0.0, padded.1)
    } else {
        padded
    };

    let tick_height = text_height("0", FONT_SIZE);
    let unit_height = text_height(&spec.unit, FONT_SIZE);
    let top =
        2.0 + if spec.unit.is_empty() {
            0.0
        } else {
            unit_height + 4.0
        } + tick_height / 2.0;
    let bottom = height - tick_height - 9.0;
    let plot_height = (bottom - top).max(1.0);
    let tick_count = ((plot_height / 45.0).round() as usize).clamp(3, 6);
    let domain = nice_domain(padded.0, padded.1, tick_count);
    let domain = match spec.value_ceiling() {
        Some(ceiling) if domain.1 > ceiling && max <= ceiling => (domain.0, ceiling),
        _ => domain,
    };
    let (mut ticks, _) = nice_ticks(domain.0, domain.1, tick_count);
    // Fewer ticks until their texts are clear of each other.
    let y_pre = Linear {
        domain,
        range: (bottom, top),
    };
    while ticks.len() > 2 {
        let tight = ticks
            .windows(2)
            .any(|w| (y_pre.map(w[0]) - y_pre.map(w[1])).abs() < tick_height + GAP);
        if !tight {
            break;
        }
        ticks = ticks.iter().copied().step_by(2).collect();
    }
    // The decimals of the ticks shown (after thinning): 0, 5, 10 once 2.5 and 7.5 are gone.
    let tick_decimals = super::scale::decimals_of(&ticks);
    let y_labels: Vec<(f64, String)> = ticks
        .iter()
        .map(|v| (*v, number::format(*v, tick_decimals, spec.lang)))
        .collect();
    let label_width = y_labels
        .iter()
        .map(|(_, l)| text_width(l, FONT_SIZE))
        .fold(0.0, f64::max);
    let left = (label_width + 10.0).max(24.0);

    // Room on the right for the lead line's end value when its line ends at the last year.
    let lead_line = spec
        .series
        .iter()
        .position(|s| s.role.is_line() && !s.points.is_empty())
        .filter(|_| spec.layers.actuals);
    let reserve = lead_line
        .and_then(|i| {
            let s = &spec.series[i];
            let last = s.points.last()?;
            (last.year == spec.years.1).then(|| spec.end_labels(s))?
        })
        .map_or(10.0, |(long, short)| {
            // The words too when they take no more than a fifth of the width.
            let long = text_width(&long, FONT_SIZE) + 10.0;
            if long <= width * 0.2 {
                long
            } else {
                (text_width(&short, FONT_SIZE) + 10.0).min(width * 0.3)
            }
        });
    let right = (width - reserve).max(left + 10.0);
    let x = Linear {
        domain: (f64::from(spec.years.0) - 0.5, f64::from(spec.years.1) + 0.5),
        range: (left, right),
    };
    let y = Linear {
        domain,
        range: (bottom, top),
    };
    let slot = (right - left) / f64::from((spec.years.1 - spec.years.0 + 1).max(1));

    let mut placer = Placer {
        labels: Vec::new(),
        dropped: Vec::new(),
        dots: Vec::new(),
        segments: Vec::new(),
        rules: Vec::new(),
        bounds: Rect {
            left: left + 1.0,
            top: 1.0,
            right: width - 1.0,
            bottom: bottom - 1.0,
        },
    };

    // Axis texts: the unit, the y ticks, the years.
    if !spec.unit.is_empty() {
        let mut unit = label_at(
            LabelRole::Unit,
            &spec.unit,
            Ink::Muted,
            candidate(2.0, 2.0, Align::Start, Side::Below),
        );
        // A unit wider than the picture is cut (the legend and the page name it in full).
        if unit.rect.right > width - 2.0 {
            let mut text = spec.unit.clone();
            while text_width(&format!("{text}…"), FONT_SIZE) > width - 4.0 && text.pop().is_some()
            {
            }
            unit = label_at(
                LabelRole::Unit,
                &format!("{text}…"),
                Ink::Muted,
                candidate(2.0, 2.0, Align::Start, Side::Below),
            );
        }
        placer.labels.push(unit);
    }
    for (value, text) in &y_labels {
        placer.labels.push(label_at(
            LabelRole::YTick,
            text,
            Ink::Muted,
            candidate(left - 6.0, y.map(*value), Align::End, Side::Centre),
        ));
    }
    let year_width = text_width("0000", FONT_SIZE) + 8.0;
    let every = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|n| slot * f64::from(*n) >= year_width)
        .unwrap_or(100);
    let x_ticks: Vec<(i32, String)> = (spec.years.0..=spec.years.1)
        .filter(|year| (year - spec.years.0) % every == 0)
        .map(|year| (year, year.to_string()))
        .collect();
    for (year, text) in &x_ticks {
        let mut label = label_at(
            LabelRole::XTick,
            text,
            Ink::Muted,
            candidate(
                x.map(f64::from(*year)),
                bottom + 6.0,
                Align::Middle,
                Side::Below,
            ),
        );
        // The first and last years stay inside the picture.
        let shift = (1.0 - label.rect.left).max(0.0).ceil()
            - (label.rect.right - (width - 1.0)).max(0.0).ceil();
        label.rect.left += shift;
        label.rect.right += shift;
        label.x += shift;
        placer.labels.push(label);
    }

    // Points, and the lines labels keep clear of.
    let points: Vec<PlacedPoint> = spec
        .point_order()
        .map(|(series, index)| {
            let point = &spec.series[series].points[index];
            PlacedPoint {
                series,
                index,
                x: x.map(f64::from(point.year)),
                y: y.map(point.value),
            }
        })
        .collect();
    for p in &points {
        let r = if spec.series[p.series].role.is_line() {
            DOT + 1.0
        } else {
            CONTEXT_DOT + 1.0
        };
        placer.dots.push(Rect {
            left: p.x - r,
            top: p.y - r,
            right: p.x + r,
            bottom: p.y + r,
        });
    }
    for (index, s) in spec.series.iter().enumerate() {
        if !s.role.is_line() {
            continue;
        }
        let placed: Vec<&PlacedPoint> = points.iter().filter(|p| p.series == index).collect();
        for run in ChartSpec::runs(s) {
            for pair in placed.get(run).unwrap_or_default().windows(2) {
                placer
                    .segments
                    .push(((pair[0].x, pair[0].y), (pair[1].x, pair[1].y)));
            }
        }
    }
    let path = |values: &mut dyn Iterator<Item = (i32, f64)>| -> Vec<(f64, f64)> {
        values
            .map(|(year, v)| (x.map(f64::from(year)), y.map(v)))
            .collect()
    };
    if spec.layers.required && spec.required.len() >= 2 {
        let line = path(&mut spec.required.iter().copied());
        for pair in line.windows(2) {
            placer.segments.push((pair[0], pair[1]));
        }
    }
    if spec.layers.projection && spec.projection.len() >= 2 {
        for pick in [
            (|p: &(i32, f64, f64, f64)| (p.0, p.1)) as fn(&(i32, f64, f64, f64)) -> (i32, f64),
            |p| (p.0, p.2),
            |p| (p.0, p.3),
        ] {
            let line = path(&mut spec.projection.iter().map(pick));
            for pair in line.windows(2) {
                placer.segments.push((pair[0], pair[1]));
            }
        }
    }
    let target_span = |(from, to): (f64, f64)| (x.map(from), x.map(to));
    if spec.layers.targets {
        for mark in spec
            .targets
            .iter()
            .filter(|m| m.lead || spec.layers.other_targets)
        {
            let (x0, x1) = target_span(mark.span);
            for value in [mark.low, mark.high] {
                placer.rules.push(((x0, y.map(value)), (x1, y.map(value))));
            }
        }
    }
    for mark in &spec.breaks {
        let bx = x.map(mark.at);
        placer.rules.push(((bx, top), (bx, bottom)));
    }

    // Labels by priority.
    // Beside the point first, then above and below it at growing distances (the label keeps
    // its series' colour), then on its left.
    let end_candidates = |px: f64, py: f64| {
        let mut tiers = vec![vec![candidate(
            px + DOT + 4.0,
            py,
            Align::Start,
            Side::Centre,
        )]];
        for step in [0.0, 1.0, 2.0] {
            let dy = DOT + 2.0 + step * FONT_SIZE;
            tiers.push(vec![
                candidate(px + 4.0, py - dy, Align::Start, Side::Above),
                candidate(px + 4.0, py + dy, Align::Start, Side::Below),
                candidate(px, py - dy - 2.0, Align::Middle, Side::Above),
                candidate(px, py + dy + 2.0, Align::Middle, Side::Below),
                candidate(px - 4.0, py - dy, Align::End, Side::Above),
                candidate(px - 4.0, py + dy, Align::End, Side::Below),
            ]);
        }
        tiers.push(vec![candidate(
            px - DOT - 4.0,
            py,
            Align::End,
            Side::Centre,
        )]);
        tiers
    };
    let end_label = |placer: &mut Placer, index: usize, lead: bool| {
        let s = &spec.series[index];
        let Some((long, short)) = spec.end_labels(s) else {
            return;
        };
        let Some(p) = points.iter().rev().find(|p| p.series == index) else {
            return;
        };
        let texts = if long == short {
            vec![long]
        } else {
            vec![long, short]
        };
        let candidates = end_candidates(p.x, p.y);
        placer.place(
            LabelRole::End(index),
            &texts,
            spec.ink(s),
            &candidates,
            false,
            lead,
        );
    };
    if let Some(index) = lead_line {
        end_label(&mut placer, index, true);
    }
    let target_label = |placer: &mut Placer, index: usize| {
        let mark = &spec.targets[index];
        let (x0, x1) = target_span(mark.span);
        let (y_high, y_low) = (y.map(mark.high), y.map(mark.low));
        let middle = (x0 + x1) / 2.0;
        let mut candidates = vec![
            candidate(x0 + 3.0, y_high - GAP, Align::Start, Side::Above),
            candidate(x1 - 3.0, y_high - GAP, Align::End, Side::Above),
            candidate(middle, y_high - GAP, Align::Middle, Side::Above),
            candidate(x0 + 3.0, y_low + GAP, Align::Start, Side::Below),
            candidate(x1 - 3.0, y_low + GAP, Align::End, Side::Below),
            candidate(middle, y_low + GAP, Align::Middle, Side::Below),
        ];
        if y_low - y_high > text_height(&mark.label, FONT_SIZE) + 2.0 * GAP + 2.0 {
            candidates.extend([
                candidate(x0 + 3.0, y_high + GAP, Align::Start, Side::Below),
                candidate(x1 - 3.0, y_high + GAP, Align::End, Side::Below),
                candidate(x0 + 3.0, y_low - GAP, Align::Start, Side::Above),
                candidate(x1 - 3.0, y_low - GAP, Align::End, Side::Above),
            ]);
        }
        candidates.push(candidate(x1 + 4.0, y_high, Align::Start, Side::Centre));
        candidates.push(candidate(x0 - 4.0, y_high, Align::End, Side::Centre));
        let ink = if mark.lead {
            Ink::Target
        } else {
            Ink::OtherTarget
        };
        let texts = if mark.lead {
            vec![mark.label.clone()]
        } else {
            vec![
                format!("{} · {}", mark.label, mark.document),
                mark.label.clone(),
            ]
        };
        placer.place(
            LabelRole::Target(index),
            &texts,
            ink,
            &[candidates],
            true,
            mark.lead,
        );
    };
    if spec.layers.targets {
        for (index, mark) in spec.targets.iter().enumerate() {
            if mark.lead {
                target_label(&mut placer, index);
            }
        }
    }
    // A break's date sits beside its own rule with the room every text keeps from it.
    let beside = BREAK_GAP + 1.0;
    for (index, mark) in spec.breaks.iter().enumerate() {
        let bx = x.map(mark.at);
        placer.place(
            LabelRole::Break(index),
            std::slice::from_ref(&mark.label),
            Ink::Muted,
            &[vec![
                candidate(bx + beside, top + GAP, Align::Start, Side::Below),
                candidate(bx - beside, top + GAP, Align::End, Side::Below),
                candidate(bx + beside, bottom - GAP, Align::Start, Side::Above),
                candidate(bx - beside, bottom - GAP, Align::End, Side::Above),
                candidate(
                    bx + beside,
                    (top + bottom) / 2.0,
                    Align::Start,
                    Side::Centre,
                ),
                candidate(bx - beside, (top + bottom) / 2.0, Align::End, Side::Centre),
            ]],
            false,
            false,
        );
    }
    if spec.layers.actuals {
        for (index, s) in spec.series.iter().enumerate() {
            if s.role.is_line() && Some(index) != lead_line {
                end_label(&mut placer, index, false);
            }
        }
    }
    // A one-point required path or a one-year projection is a short bar: it gets its value.
    let bar_candidates = |year: i32, value: f64| {
        let (x0, x1, py) = (
            x.map(f64::from(year) - 0.35),
            x.map(f64::from(year) + 0.35),
            y.map(value),
        );
        let mid = (x0 + x1) / 2.0;
        vec![
            candidate(x1 + 4.0, py, Align::Start, Side::Centre),
            candidate(x0 - 4.0, py, Align::End, Side::Centre),
            candidate(mid, py - 4.0, Align::Middle, Side::Above),
            candidate(mid, py + 4.0, Align::Middle, Side::Below),
        ]
    };
    let figure =
        |v: f64| super::spec::value_label(v, spec.decimals, &spec.value_unit, spec.lang, false);
    if spec.layers.required {
        if let [(year, value)] = spec.required.as_slice() {
            placer.place(
                LabelRole::Required,
                &[figure(*value)],
                Ink::Required,
                &[bar_candidates(*year, *value)],
                false,
                false,
            );
        }
    }
    if spec.layers.projection {
        if let [(year, value, _, _)] = spec.projection.as_slice() {
            placer.place(
                LabelRole::Projection,
                &[figure(*value)],
                Ink::Projection,
                &[bar_candidates(*year, *value)],
                false,
                false,
            );
        }
    }
    if spec.layers.targets && spec.layers.other_targets {
        for (index, mark) in spec.targets.iter().enumerate() {
            if !mark.lead {
                target_label(&mut placer, index);
            }
        }
    }

    let Placer {
        labels,
        dropped,
        mut segments,
        rules,
        ..
    } = placer;
    segments.extend(rules);
    Layout {
        width,
        height,
        frame: (left, top, right, bottom),
        x,
        y,
        y_ticks: y_labels,
        x_ticks,
        points,
        labels,
        dropped,
        segments,
    }
}

impl Layout {
    /// The point nearest to a pointer position, if within `radius` pixels horizontally: readers
    /// aim at years, not at exact dots, especially with a finger.
    pub fn nearest(&self, px: f64, py: f64, radius: f64) -> Option<usize> {
        crate::pointer::nearest(&self.positions(), px, py, radius)
    }

    /// Every drawn point's position, in focus order: what the page carries for the pointer.
    pub fn positions(&self) -> Vec<(f64, f64)> {
        self.points.iter().map(|p| (p.x, p.y)).collect()
    }

    /// The focused point's value label, on its own backing so it reads over the marks: clear of
    /// the chart's texts, dots and lines where it can be, and always inside the picture.
    pub fn focus_label(&self, spec: &ChartSpec, focus: usize) -> Option<Label> {
        let point = self.points.get(focus)?;
        let text = spec.focus_text(focus)?;
        let (px, py) = (point.x, point.y);
        let reach = 11.0;
        let candidates = [
            candidate(px + reach, py - 4.0, Align::Start, Side::Above),
            candidate(px - reach, py - 4.0, Align::End, Side::Above),
            candidate(px + reach, py + 4.0, Align::Start, Side::Below),
            candidate(px - reach, py + 4.0, Align::End, Side::Below),
            candidate(px, py - reach, Align::Middle, Side::Above),
            candidate(px, py + reach, Align::Middle, Side::Below),
            candidate(px + reach, py, Align::Start, Side::Centre),
            candidate(px - reach, py, Align::End, Side::Centre),
        ];
        let bounds = Rect {
            left: 1.0 + FOCUS_PAD,
            top: 1.0 + FOCUS_PAD,
            right: self.width - 1.0 - FOCUS_PAD,
            bottom: self.height - 1.0 - FOCUS_PAD,
        };
        let ring = Rect {
            left: px - 10.0,
            top: py - 10.0,
            right: px + 10.0,
            bottom: py + 10.0,
        };
        let labels: Vec<Label> = candidates
            .iter()
            .map(|c| label_at(LabelRole::Focus, &text, Ink::Text, *c))
            .collect();
        let clear = |l: &Label, strict: bool| {
            let backed = l.rect.grown(FOCUS_PAD);
            l.rect.inside(&bounds)
                && !backed.intersects(&ring)
                && !self
                    .labels
                    .iter()
                    .any(|other| other.rect.intersects(&backed))
                && (!strict || !self.segments.iter().any(|(a, b)| backed.crosses(*a, *b)))
        };
        let chosen = labels
            .iter()
            .find(|l| clear(l, true))
            .or_else(|| labels.iter().find(|l| clear(l, false)))
            .or_else(|| labels.iter().find(|l| l.rect.inside(&bounds)))
            .cloned();
        chosen.or_else(|| {
            // A text wider than any free place: pinned inside the picture beside the point.
            let mut label = labels.first()?.clone();
            let shift = (bounds.left - label.rect.left).max(0.0).ceil()
                - (label.rect.right - bounds.right).max(0.0).ceil();
            label.rect.left += shift;
            label.rect.right += shift;
            label.x += shift;
            Some(label)
        })
    }
}

/// The backing around the focus label's text, in CSS pixels.
pub const FOCUS_PAD: f64 = 3.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_are_not_below_the_widest_common_font() {
        // Chromium's measurements at 100 px (DejaVu Sans, the wider of the two defaults).
        for (text, measured) in [
            ("TB 2021–2024: 5,78%", 1103.6),
            ("0123456789", 636.2),
            ("Cần Thơ", 411.9),
            ("7,5–8%", 367.7),
        ] {
            let model = text_width(text, 100.0);
            assert!(model >= measured - 0.5, "{text}: {model} < {measured}");
            assert!(
                model <= measured * 1.25,
                "{text}: {model} far above {measured}"
            );
        }
        assert!(text_ascent("Ước") > text_ascent("ước"));
        assert!(text_ascent("ước") > text_ascent("2024"));
        assert_eq!(text_ascent("7,5–8% · ≥9,5%"), text_ascent("2024"));
        // Every Vietnamese letter has its case.
        let lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        for c in lower.chars() {
            assert_eq!(latin_case(c), Some(false), "{c}");
            let upper = c.to_uppercase().next().unwrap_or(c);
            assert_eq!(latin_case(upper), Some(true), "{upper}");
        }
    }

    #[test]
    fn segments_cross_boxes() {
        let r = Rect {
            left: 0.0,
            top: 0.0,
            right: 10.0,
            bottom: 10.0,
        };
        assert!(r.crosses((-5.0, 5.0), (15.0, 5.0)));
        assert!(r.crosses((5.0, 5.0), (50.0, 50.0)));
        assert!(!r.crosses((-5.0, -5.0), (-1.0, 20.0)));
        assert!(!r.crosses((11.0, 0.0), (20.0, 10.0)));
    }
}
