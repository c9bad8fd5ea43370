//! The numbers behind a status, each as one sentence in Vietnamese or English.

use super::Method;
use crate::number::{format, format_trimmed};
use crate::plan::{
    Indicator, Measure, ObservationKind, PartialDate, Period, Qualifier, TargetShape, When,
};
use crate::text::{Lang, Text};

/// What a hedged figure ("trên", "dưới", "khoảng") does to the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HedgeEffect {
    /// "Khoảng": used as published.
    Approximate,
    /// The published bound was used and the truth lies on the good side: the status is a floor.
    Conservative,
    /// The published bound was used and the truth lies on the bad side: the status is a ceiling.
    Optimistic,
    /// The bound cannot show whether the target was met.
    Inconclusive,
}

/// What was done with a figure published as a range ("3,1–3,2 %").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeEffect {
    /// Both ends lead to the same verdict.
    Both,
    /// The range straddles the edge: it cannot show whether the target was met.
    Straddles,
    /// A trend or an average uses its middle.
    Middle,
}

/// One fact behind a status. `text` renders it as a sentence; the UI lists them under the badge.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// A target in words only.
    Qualitative,
    /// The target names an indicator the plan does not have (only for plans built in code).
    UnknownIndicator,
    /// No figure for the target's territory up to the year considered.
    NoFigures { territory: Text, up_to: i32 },
    /// An average over a period that has not begun.
    NotStarted { first: i32 },
    /// The period has begun but none of its years has a figure.
    NoFiguresInPeriod { period: Period },
    /// Figures exist but too few for a trend (at least two are needed).
    TooFewPoints { count: usize },
    /// The figure compared meets the target (`exceeded`: goes beyond it).
    Met {
        when: When,
        value: f64,
        shape: TargetShape,
        exceeded: bool,
        average: bool,
    },
    /// The figure for the target year (or the whole period) misses the target.
    Missed {
        when: When,
        value: f64,
        shape: TargetShape,
        average: bool,
    },
    /// Met before the target year, every year since `since`.
    MetEarly { since: i32, due: i32 },
    /// Observed against required average change from the baseline (Open SDG's ratio R).
    Trend {
        from: (i32, f64),
        to: (i32, f64),
        method: Method,
        observed: f64,
        required: f64,
        due: i32,
        edge: f64,
        ratio: Option<f64>,
    },
    /// The figures move away from the target (R < 0, or the baseline already met it).
    MovingAway,
    /// The value the current pace leads to in the target year.
    Projected { year: i32, value: f64, capped: bool },
    /// The average change needed from the latest figure to reach the edge in time.
    NeededFromLatest {
        from: i32,
        due: i32,
        method: Method,
        rate: f64,
        edge: f64,
    },
    /// The average over the years with figures, against the target.
    PeriodAverage {
        years: Vec<i32>,
        method: Method,
        average: f64,
        shape: TargetShape,
        ratio: Option<f64>,
    },
    /// The average needed in the years still without a figure for the whole period to meet.
    NeededAverage {
        years: Vec<i32>,
        period: Period,
        method: Method,
        rate: f64,
        edge: f64,
        /// The edge is a ceiling (lower is better): `rate` is the most the years may average.
        ceiling: bool,
    },
    /// A published average over (part of) the period was used for its years.
    PeriodReported {
        period: Period,
        value: f64,
        computed: Option<f64>,
    },
    /// A published average was set aside because every year it covers has a more final figure.
    PeriodSuperseded { period: Period, value: f64 },
    /// The target year is over but its figures are not all in: the status is provisional.
    AwaitingFinal { due: i32, latest: i32 },
    /// The plan's baseline year has no figure; another year serves as the baseline.
    BaselineSubstitute { used: i32, plan: i32 },
    /// Figures of another territory (before or after a boundary change) are left out.
    OtherTerritory {
        own: Text,
        other: Text,
        count: usize,
        break_date: Option<PartialDate>,
    },
    /// Rests on estimates or preliminary figures (`kind`) for these years.
    Provisional {
        kind: ObservationKind,
        whens: Vec<When>,
    },
    /// Rests on figures reported without saying whether they are estimates or official.
    Unqualified { whens: Vec<When> },
    /// Rests on derived figures (computed from published ones by a stated formula), not on
    /// figures anyone published. `formula` is the latest one in words.
    Derived { whens: Vec<When>, formula: Text },
    /// Rests on figures from a low-reliability (secondary) source.
    LowReliability { whens: Vec<When> },
    /// The figure was published with a hedge.
    Hedged {
        year: i32,
        value: f64,
        qualifier: Qualifier,
        effect: HedgeEffect,
    },
    /// The figure counts only part of its year.
    PartYear { year: i32, as_of: PartialDate },
    /// An average or a growth rate cannot be computed (a fall of 100 % or more, a value crossing
    /// zero).
    NotComputable,
    /// A target for a period as a whole (a total) without a figure for that whole period.
    PeriodTotalMissing { period: Period },
    /// The figure for `year` was published as a range.
    RangeFigure {
        year: i32,
        low: f64,
        high: f64,
        effect: RangeEffect,
    },
    /// Figures published as ranges put the period's average between `low` and `high`, on both
    /// sides of the edge.
    RangeAverage { low: f64, high: f64 },
    /// Figures of the target's territory measured by an earlier method (before a rebasing) are
    /// left out of its series, which is of `method`.
    OtherMethod {
        method: String,
        whens: Vec<When>,
        break_date: Option<PartialDate>,
    },
    /// A target for every year of a period: every year with a figure so far meets it.
    EveryYearSoFar {
        years: Vec<i32>,
        period: Period,
        shape: TargetShape,
    },
    /// A target for every year of a period: these years have no figure yet.
    YearsMissing { years: Vec<i32> },
    /// The average yearly change from one figure to another, against a yearly-change target.
    ChangeTrend {
        from: (i32, f64),
        to: (i32, f64),
        change: f64,
        shape: TargetShape,
        ratio: Option<f64>,
    },
    /// The latest figure used is more than two years older than the year assessed: the status
    /// describes the past, and a reader should know how old it is.
    Stale { latest: i32, evaluated: i32 },
}

impl Reason {
    /// One sentence, numbers in the language's format and the indicator's unit.
    pub fn text(&self, indicator: &Indicator, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let value = |v: f64| format_value(v, indicator, lang);
        let edge = |v: f64| format_edge(v, indicator, lang);
        match self {
            Reason::Qualitative => pick(
                vi,
                "Chỉ tiêu định tính: chỉ trình bày, không chấm điểm.",
                "Qualitative target: shown, not scored.",
            ),
            Reason::UnknownIndicator => pick(
                vi,
                "Không tìm thấy chỉ số của chỉ tiêu này trong kế hoạch.",
                "The plan has no indicator for this target.",
            ),
            Reason::NoFigures { territory, up_to } => {
                let name = territory.get(lang);
                if vi {
                    format!("Chưa có số liệu của {name} đến năm {up_to}.")
                } else {
                    format!("No figure for {name} up to {up_to} yet.")
                }
            }
            Reason::NotStarted { first } => {
                if vi {
                    format!("Giai đoạn bắt đầu từ năm {first}; chưa có gì để đánh giá.")
                } else {
                    format!("The period starts in {first}; there is nothing to assess yet.")
                }
            }
            Reason::NoFiguresInPeriod { period } => {
                if vi {
                    format!("Chưa có số liệu của năm nào trong giai đoạn {period}.")
                } else {
                    format!("No year of {period} has a figure yet.")
                }
            }
            Reason::TooFewPoints { count } => {
                if vi {
                    format!("Mới có {count} số liệu; cần ít nhất 2 năm để tính xu hướng.")
                } else if *count == 1 {
                    "Only one figure so far; a trend needs at least two years.".to_string()
                } else {
                    format!("Only {count} figures so far; a trend needs at least two years.")
                }
            }
            Reason::Met {
                when,
                value: v,
                shape,
                exceeded,
                average,
            } => {
                let head = when_head(*when, *average, lang);
                let goal = describe_goal(*shape, indicator, lang);
                let v = against(*v, *shape, indicator, lang);
                match (vi, exceeded) {
                    (true, true) => format!("{head}: {v}, vượt chỉ tiêu {goal}."),
                    (true, false) => format!("{head}: {v}, đạt chỉ tiêu {goal}."),
                    (false, true) => format!("{head}: {v}, beyond the target of {goal}."),
                    (false, false) => format!("{head}: {v}, meeting the target of {goal}."),
                }
            }
            Reason::Missed {
                when,
                value: v,
                shape,
                average,
            } => {
                let head = when_head(*when, *average, lang);
                let goal = describe_goal(*shape, indicator, lang);
                let v = against(*v, *shape, indicator, lang);
                if vi {
                    format!("{head}: {v}, không đạt chỉ tiêu {goal}.")
                } else {
                    format!("{head}: {v}, missing the target of {goal}.")
                }
            }
            Reason::MetEarly { since, due } => {
                if vi {
                    format!(
                        "Đã đạt từ năm {since}, trước hạn {due}; số liệu các năm sau vẫn có thể thay đổi kết quả."
                    )
                } else {
                    format!("Met since {since}, ahead of the {due} deadline; later figures can still change this.")
                }
            }
            Reason::Trend {
                from,
                to,
                method,
                observed,
                required,
                due,
                edge: e,
                ratio,
            } => {
                let seen = change(*observed, *method, indicator, lang);
                let needed = change(*required, *method, indicator, lang);
                let r = ratio_text(*ratio, lang);
                if vi {
                    format!(
                        "Từ {} năm {} đến {} năm {}: bình quân {seen}; để đạt {} vào năm {due} cần {needed}{r}.",
                        value(from.1),
                        from.0,
                        value(to.1),
                        to.0,
                        edge(*e)
                    )
                } else {
                    format!(
                        "From {} in {} to {} in {}: {seen} on average; reaching {} by {due} needs {needed}{r}.",
                        value(from.1),
                        from.0,
                        value(to.1),
                        to.0,
                        edge(*e)
                    )
                }
            }
            Reason::MovingAway => pick(
                vi,
                "Số liệu đang đi ngược hướng chỉ tiêu.",
                "The figures are moving away from the target.",
            ),
            Reason::Projected {
                year,
                value: v,
                capped,
            } => {
                let cap = match (capped, vi) {
                    (false, _) => "",
                    (true, true) => " (tối đa 100%)",
                    (true, false) => " (capped at 100%)",
                };
                if vi {
                    format!("Nếu giữ nhịp này, năm {year} đạt khoảng {}{cap}.", value(*v))
                } else {
                    format!("At this pace it would reach about {} in {year}{cap}.", value(*v))
                }
            }
            Reason::NeededFromLatest {
                from,
                due,
                method,
                rate,
                edge: e,
            } => {
                let needed = change(*rate, *method, indicator, lang);
                if vi {
                    format!("Từ năm {from}, cần {needed} để đạt {} vào năm {due}.", edge(*e))
                } else {
                    format!("From {from}, reaching {} by {due} needs {needed}.", edge(*e))
                }
            }
            Reason::PeriodAverage {
                years,
                method,
                average,
                shape,
                ratio,
            } => {
                let span = years_text(years);
                let count = years.len();
                let goal = describe_goal(*shape, indicator, lang);
                let r = ratio_text(*ratio, lang);
                let mean = match (method, vi) {
                    (Method::GeometricMean, true) => ", trung bình nhân",
                    (Method::GeometricMean, false) => ", geometric mean",
                    _ => "",
                };
                let average = against(*average, *shape, indicator, lang);
                if vi {
                    format!("Bình quân {span} ({count} năm{mean}): {average}; chỉ tiêu {goal}{r}.")
                } else {
                    let years_word = if count == 1 { "year" } else { "years" };
                    format!(
                        "Average over {span} ({count} {years_word}{mean}): {average}, against a target of {goal}{r}."
                    )
                }
            }
            Reason::NeededAverage {
                years,
                period,
                rate,
                edge: e,
                ceiling: true,
                ..
            } => {
                let span = years_text(years);
                // One year has a value, not an average ("bình quân" of a single year reads wrong).
                match (vi, years.len() == 1) {
                    (true, true) => format!(
                        "Năm {span} có thể tối đa {} mà cả giai đoạn {period} vẫn không quá bình quân {}.",
                        value(*rate),
                        edge(*e)
                    ),
                    (true, false) => format!(
                        "Các năm {span} có thể bình quân tối đa {} mà cả giai đoạn {period} vẫn không quá bình quân {}.",
                        value(*rate),
                        edge(*e)
                    ),
                    (false, true) => format!(
                        "{span} can be at most {} for {period} to stay within an average of {}.",
                        value(*rate),
                        edge(*e)
                    ),
                    (false, false) => format!(
                        "{span} can average at most {} for {period} to stay within an average of {}.",
                        value(*rate),
                        edge(*e)
                    ),
                }
            }
            Reason::NeededAverage {
                years,
                period,
                rate,
                edge: e,
                ceiling: false,
                ..
            } => {
                let span = years_text(years);
                // A rate is averaged geometrically (its mean is a growth); anything else is a level.
                let growth = indicator.measure == Measure::Rate;
                // One year has a value, not an average: "Năm 2025 cần tăng 14,65%", not "Cần tăng
                // bình quân 14,65% trong năm 2025" (graphics-desk review, 2026-12-01).
                let verb = if growth { "tăng" } else { "đạt" };
                match (vi, years.len() == 1) {
                    (true, true) => format!(
                        "Năm {span} cần {verb} {} để cả giai đoạn {period} đạt bình quân {}.",
                        value(*rate),
                        edge(*e)
                    ),
                    (true, false) => format!(
                        "Cần {verb} bình quân {} trong các năm {span} để cả giai đoạn {period} đạt bình quân {}.",
                        value(*rate),
                        edge(*e)
                    ),
                    (false, true) => format!(
                        "{} is needed in {span} for {period} to average {}.",
                        value(*rate),
                        edge(*e)
                    ),
                    (false, false) => format!(
                        "An average of {} is needed in {span} for {period} to average {}.",
                        value(*rate),
                        edge(*e)
                    ),
                }
            }
            Reason::PeriodReported {
                period,
                value: v,
                computed,
            } => match (computed, vi) {
                (Some(c), true) => format!(
                    "Dùng số bình quân {period} đã công bố ({}) thay cho số tính từ từng năm ({}).",
                    value(*v),
                    value(*c)
                ),
                (Some(c), false) => format!(
                    "Uses the published {period} average ({}) rather than the one computed from the yearly figures ({}).",
                    value(*v),
                    value(*c)
                ),
                (None, true) => format!("Dùng số bình quân {period} đã công bố ({}).", value(*v)),
                (None, false) => format!("Uses the published {period} average ({}).", value(*v)),
            },
            Reason::PeriodSuperseded { period, value: v } => {
                if vi {
                    format!(
                        "Số bình quân {period} đã công bố ({}) không được dùng vì số liệu từng năm đã chính thức hơn.",
                        value(*v)
                    )
                } else {
                    format!(
                        "The published {period} average ({}) is not used: the yearly figures are more final.",
                        value(*v)
                    )
                }
            }
            Reason::AwaitingFinal { due, latest } => {
                if vi {
                    format!(
                        "Đã qua năm {due} nhưng chưa có đủ số liệu; đây là đánh giá tạm theo số liệu đến năm {latest}."
                    )
                } else {
                    format!("{due} is over but its figures are not all in; this is a provisional assessment on figures up to {latest}.")
                }
            }
            Reason::BaselineSubstitute { used, plan } => {
                if vi {
                    format!("Năm gốc {plan} chưa có số liệu; dùng năm {used} làm gốc.")
                } else {
                    format!("No figure for the {plan} baseline; {used} serves as the baseline.")
                }
            }
            Reason::OtherTerritory {
                own,
                other,
                count,
                break_date,
            } => {
                let (own, other) = (own.get(lang), other.get(lang));
                match (break_date, vi) {
                    (Some(date), true) => format!(
                        "Chuỗi số liệu gián đoạn: địa giới thay đổi {}; {count} số liệu của {other} mô tả một địa bàn khác nên không dùng cho chỉ tiêu đặt cho {own}.",
                        date_text(*date, lang)
                    ),
                    (Some(date), false) => format!(
                        "Series break: the boundaries changed {}; {count} {} for {other} {} a different area and {} not used for this target, set for {own}.",
                        date_text(*date, lang),
                        if *count == 1 { "figure" } else { "figures" },
                        if *count == 1 { "describes" } else { "describe" },
                        if *count == 1 { "is" } else { "are" }
                    ),
                    (None, true) => format!(
                        "{count} số liệu của {other} không dùng cho chỉ tiêu đặt cho {own}."
                    ),
                    (None, false) => format!(
                        "{count} {} for {other} {} not used for this target, set for {own}.",
                        if *count == 1 { "figure" } else { "figures" },
                        if *count == 1 { "is" } else { "are" }
                    ),
                }
            }
            Reason::Provisional { kind, whens } => {
                let span = whens_text(whens);
                let (vi_kind, en_kind) = match kind {
                    ObservationKind::Preliminary => ("số sơ bộ", "preliminary figures"),
                    _ => ("số ước tính", "estimates"),
                };
                if vi {
                    format!("Dựa trên {vi_kind} ({span}), chưa phải số chính thức.")
                } else {
                    format!("Based on {en_kind} ({span}), not yet official figures.")
                }
            }
            Reason::Unqualified { whens } => {
                let span = whens_text(whens);
                if vi {
                    format!("Số liệu {span} được công bố không ghi rõ là ước tính hay chính thức.")
                } else if single(whens) {
                    format!("The {span} figure was reported without saying whether it is an estimate or official.")
                } else {
                    format!("The {span} figures were reported without saying whether they are estimates or official.")
                }
            }
            Reason::Derived { whens, formula } => {
                let span = whens_text(whens);
                let formula = formula.get(lang);
                match (vi, single(whens)) {
                    (true, true) => format!(
                        "Số liệu {span} là số suy ra, không phải số được công bố: {formula}."
                    ),
                    (true, false) => format!(
                        "Số liệu {span} là số suy ra, không phải số được công bố; số mới nhất: {formula}."
                    ),
                    (false, true) => format!(
                        "The {span} figure is derived, not published: {formula}."
                    ),
                    (false, false) => format!(
                        "The {span} figures are derived, not published; the latest: {formula}."
                    ),
                }
            }
            Reason::LowReliability { whens } => {
                let span = whens_text(whens);
                if vi {
                    format!("Số liệu {span} lấy từ nguồn thứ cấp, độ tin cậy thấp.")
                } else if single(whens) {
                    format!("The {span} figure comes from a secondary source of low reliability.")
                } else {
                    format!("The {span} figures come from a secondary source of low reliability.")
                }
            }
            Reason::Hedged {
                year,
                value: v,
                qualifier,
                effect,
            } => {
                let quoted = match (qualifier, vi) {
                    (Qualifier::About, true) => format!("«khoảng {}»", value(*v)),
                    (Qualifier::Over, true) => format!("«trên {}»", value(*v)),
                    (Qualifier::Under, true) => format!("«dưới {}»", value(*v)),
                    (Qualifier::About, false) => format!("“about {}”", value(*v)),
                    (Qualifier::Over, false) => format!("“over {}”", value(*v)),
                    (Qualifier::Under, false) => format!("“under {}”", value(*v)),
                };
                let number = value(*v);
                match (effect, vi) {
                    (HedgeEffect::Approximate, true) => {
                        format!("Số năm {year} là số xấp xỉ ({quoted}).")
                    }
                    (HedgeEffect::Approximate, false) => {
                        format!("The {year} figure is approximate ({quoted}).")
                    }
                    (HedgeEffect::Conservative, true) => format!(
                        "Nguồn chỉ ghi {quoted} cho năm {year}; đánh giá dùng đúng mức {number}, nên thực tế có thể tốt hơn."
                    ),
                    (HedgeEffect::Conservative, false) => format!(
                        "The source gives only {quoted} for {year}; the assessment uses {number} itself, so the real position may be better."
                    ),
                    (HedgeEffect::Optimistic, true) => format!(
                        "Nguồn chỉ ghi {quoted} cho năm {year}; thực tế còn xa chỉ tiêu hơn mức {number}."
                    ),
                    (HedgeEffect::Optimistic, false) => format!(
                        "The source gives only {quoted} for {year}; the real figure is further from the target than {number}."
                    ),
                    (HedgeEffect::Inconclusive, true) => format!(
                        "Nguồn chỉ ghi {quoted} cho năm {year}, nên không xác định được đã đạt chỉ tiêu hay chưa."
                    ),
                    (HedgeEffect::Inconclusive, false) => format!(
                        "The source gives only {quoted} for {year}, which cannot show whether the target was met."
                    ),
                }
            }
            Reason::PartYear { year, as_of } => {
                if vi {
                    format!(
                        "Số năm {year} là số tính đến {}, chưa phải số cả năm.",
                        month_text(*as_of, lang)
                    )
                } else {
                    format!(
                        "The {year} figure is as of {}, not for the full year.",
                        month_text(*as_of, lang)
                    )
                }
            }
            Reason::NotComputable => pick(
                vi,
                "Không tính được tốc độ bình quân từ các số liệu hiện có.",
                "An average rate cannot be computed from these figures.",
            ),
            Reason::Stale { latest, evaluated } => {
                let age = evaluated - latest;
                if vi {
                    format!(
                        "Số liệu mới nhất là của năm {latest}, cũ hơn năm đánh giá {evaluated} tới {age} năm."
                    )
                } else {
                    format!("The latest figure is for {latest}, {age} years before {evaluated}, the year assessed.")
                }
            }
            Reason::PeriodTotalMissing { period } => {
                if vi {
                    format!("Chỉ tiêu tính cho cả giai đoạn {period}; chưa có số liệu của cả giai đoạn.")
                } else {
                    format!("The target is for {period} as a whole; there is no figure for the whole period yet.")
                }
            }
            Reason::RangeFigure {
                year,
                low,
                high,
                effect,
            } => {
                let range = range_text(*low, *high, indicator, lang);
                let middle = value((low + high) / 2.0);
                match (effect, vi) {
                    (RangeEffect::Both, true) => format!(
                        "Số năm {year} được công bố dạng khoảng {range}; kết luận đúng với cả hai đầu của khoảng."
                    ),
                    (RangeEffect::Both, false) => format!(
                        "The {year} figure was published as a range, {range}; the conclusion holds at both ends."
                    ),
                    (RangeEffect::Straddles, true) => format!(
                        "Số năm {year} được công bố dạng khoảng {range}, trùm lên mép chỉ tiêu, nên không xác định được đã đạt hay chưa."
                    ),
                    (RangeEffect::Straddles, false) => format!(
                        "The {year} figure was published as a range, {range}, which spans the target's edge: it cannot show whether the target was met."
                    ),
                    (RangeEffect::Middle, true) => format!(
                        "Số năm {year} được công bố dạng khoảng {range}; xu hướng và bình quân dùng điểm giữa {middle}."
                    ),
                    (RangeEffect::Middle, false) => format!(
                        "The {year} figure was published as a range, {range}; trends and averages use its middle, {middle}."
                    ),
                }
            }
            Reason::RangeAverage { low, high } => {
                let range = range_text(*low, *high, indicator, lang);
                if vi {
                    format!("Với các số công bố dạng khoảng, bình quân nằm trong khoảng {range}, trùm lên mép chỉ tiêu, nên không xác định được đã đạt hay chưa.")
                } else {
                    format!("With figures published as ranges, the average lies between {range}, on both sides of the target's edge: it cannot show whether the target was met.")
                }
            }
            Reason::OtherMethod {
                method,
                whens,
                break_date,
            } => {
                let span = whens_text(whens);
                let method = crate::text::escape_invisible(method);
                match (break_date, vi) {
                    (Some(date), true) => format!(
                        "Chuỗi số liệu gián đoạn: phương pháp tính thay đổi {}; số liệu {span} theo phương pháp cũ không được nối với chuỗi theo phương pháp «{method}» nên không được dùng.",
                        date_text(*date, lang)
                    ),
                    (Some(date), false) => format!(
                        "Series break: the method changed {}; the {span} {} by the earlier method {} not joined to the “{method}” series and not used.",
                        date_text(*date, lang),
                        if single(whens) { "figure" } else { "figures" },
                        if single(whens) { "is" } else { "are" }
                    ),
                    (None, true) => format!(
                        "Số liệu {span} theo phương pháp khác không được nối với chuỗi theo phương pháp «{method}» nên không được dùng."
                    ),
                    (None, false) => format!(
                        "The {span} {} by another method {} not joined to the “{method}” series and not used.",
                        if single(whens) { "figure" } else { "figures" },
                        if single(whens) { "is" } else { "are" }
                    ),
                }
            }
            Reason::EveryYearSoFar {
                years,
                period,
                shape,
            } => {
                let span = years_text(years);
                let goal = describe_goal(*shape, indicator, lang);
                if vi {
                    format!("Mọi năm đã có số liệu ({span}) đều đạt chỉ tiêu {goal}, áp dụng cho từng năm {period}.")
                } else {
                    format!("Every year with a figure so far ({span}) meets the target of {goal}, which applies to each year of {period}.")
                }
            }
            Reason::YearsMissing { years } => {
                let span = years_text(years);
                if vi {
                    format!("Chưa có số liệu của năm {span}.")
                } else {
                    format!("No figure yet for {span}.")
                }
            }
            Reason::ChangeTrend {
                from,
                to,
                change: c,
                shape,
                ratio,
            } => {
                let seen = change(*c, Method::Linear, indicator, lang);
                let goal = describe_goal(*shape, indicator, lang);
                let r = ratio_text(*ratio, lang);
                if vi {
                    format!(
                        "Từ {} năm {} đến {} năm {}: bình quân {seen}; chỉ tiêu {goal}{r}.",
                        value(from.1),
                        from.0,
                        value(to.1),
                        to.0
                    )
                } else {
                    format!(
                        "From {} in {} to {} in {}: {seen} on average, against a target of {goal}{r}.",
                        value(from.1),
                        from.0,
                        value(to.1),
                        to.0
                    )
                }
            }
        }
    }
}

fn pick(vi: bool, vi_text: &str, en_text: &str) -> String {
    if vi { vi_text } else { en_text }.to_string()
}

/// Joins a number and its unit with a no-break space, in both languages, as the rest of the
/// widget writes figures (`describe::unit_suffix`): "7,5 %/năm", "7.5 %/yr", "6.200 USD/người".
fn with_unit(number: String, unit: &str) -> String {
    crate::number::with_unit(number, unit)
}

/// A figure as displayed: the indicator's decimals and unit.
pub fn format_value(value: f64, indicator: &Indicator, lang: Lang) -> String {
    with_unit(
        format(value, indicator.decimals, lang),
        indicator.unit.get(lang),
    )
}

/// A target value as written: no trailing zeros ("7,5 %", "6.200 USD/người").
pub fn format_edge(value: f64, indicator: &Indicator, lang: Lang) -> String {
    with_unit(format_trimmed(value, 4, lang), indicator.unit.get(lang))
}

/// The target in words, as in "đạt chỉ tiêu 6.200–6.800 USD/người".
pub fn describe_goal(shape: TargetShape, indicator: &Indicator, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let edge = |v: f64| format_edge(v, indicator, lang);
    let band = |min: f64, max: f64| {
        with_unit(
            format!(
                "{}–{}",
                format_trimmed(min, 4, lang),
                format_trimmed(max, 4, lang)
            ),
            indicator.unit.get(lang),
        )
    };
    let (vi_text, en_text) = match shape {
        TargetShape::Exact(v) => (edge(v), edge(v)),
        TargetShape::AtLeast(v) => (
            format!("ít nhất {}", edge(v)),
            format!("at least {}", edge(v)),
        ),
        TargetShape::AtMost(v) => (
            format!("tối đa {}", edge(v)),
            format!("at most {}", edge(v)),
        ),
        TargetShape::Above(v) => (format!("trên {}", edge(v)), format!("above {}", edge(v))),
        TargetShape::Below(v) => (format!("dưới {}", edge(v)), format!("below {}", edge(v))),
        TargetShape::Range { min, max } => (band(min, max), band(min, max)),
        TargetShape::About { value, tolerance } => (
            format!(
                "khoảng {} ({})",
                edge(value),
                band(value - tolerance, value + tolerance)
            ),
            format!(
                "about {} ({})",
                edge(value),
                band(value - tolerance, value + tolerance)
            ),
        ),
        TargetShape::Average {
            min: Some(min),
            max: Some(max),
        } => (
            format!("bình quân {}", band(min, max)),
            format!("{} on average", band(min, max)),
        ),
        TargetShape::Average {
            min: Some(min),
            max: None,
        } => (
            format!("bình quân ít nhất {}", edge(min)),
            format!("at least {} on average", edge(min)),
        ),
        TargetShape::Average {
            min: None,
            max: Some(max),
        } => (
            format!("bình quân tối đa {}", edge(max)),
            format!("at most {} on average", edge(max)),
        ),
        TargetShape::Average {
            min: None,
            max: None,
        } => (String::new(), String::new()),
        TargetShape::YearlyChange { min, max } => (
            describe_change(min, max, indicator, Lang::Vi),
            describe_change(min, max, indicator, Lang::En),
        ),
        TargetShape::EssentiallyNone { threshold: 0.0 } => (
            "cơ bản không còn (0)".to_string(),
            "essentially none (0)".to_string(),
        ),
        TargetShape::EssentiallyNone { threshold } => (
            format!("cơ bản không còn (không quá {})", edge(threshold)),
            format!("essentially none (at most {})", edge(threshold)),
        ),
        TargetShape::Text => ("định tính".to_string(), "qualitative".to_string()),
    };
    if vi {
        vi_text
    } else {
        en_text
    }
}

/// A yearly-change target in words: "giảm 1–1,5 điểm phần trăm mỗi năm", "a rise of at least
/// 2 communes a year".
pub fn describe_change(
    min: Option<f64>,
    max: Option<f64>,
    indicator: &Indicator,
    lang: Lang,
) -> String {
    let vi = lang == Lang::Vi;
    let n = |v: f64| format_trimmed(v.abs(), 4, lang);
    let unit = indicator.unit.get(lang);
    let per_year = match (unit.starts_with('%'), vi) {
        (true, true) => " điểm phần trăm mỗi năm".to_string(),
        (true, false) => " percentage points a year".to_string(),
        (false, true) => format!("\u{a0}{unit} mỗi năm"),
        (false, false) => format!("\u{a0}{unit} a year"),
    };
    let (vi_text, en_text) = match (min, max) {
        (Some(low), Some(high)) if high <= 0.0 => (
            format!("giảm {}–{}", n(high), n(low)),
            format!("a fall of {}–{}", n(high), n(low)),
        ),
        (Some(low), Some(high)) if low >= 0.0 => (
            format!("tăng {}–{}", n(low), n(high)),
            format!("a rise of {}–{}", n(low), n(high)),
        ),
        (Some(low), Some(high)) => (
            format!("thay đổi từ giảm {} đến tăng {}", n(low), n(high)),
            format!(
                "a change from a fall of {} to a rise of {}",
                n(low),
                n(high)
            ),
        ),
        (None, Some(high)) if high <= 0.0 => (
            format!("giảm ít nhất {}", n(high)),
            format!("a fall of at least {}", n(high)),
        ),
        (None, Some(high)) => (
            format!("tăng không quá {}", n(high)),
            format!("a rise of at most {}", n(high)),
        ),
        (Some(low), None) if low >= 0.0 => (
            format!("tăng ít nhất {}", n(low)),
            format!("a rise of at least {}", n(low)),
        ),
        (Some(low), None) => (
            format!("giảm không quá {}", n(low)),
            format!("a fall of at most {}", n(low)),
        ),
        (None, None) => return String::new(),
    };
    if vi {
        format!("{vi_text}{per_year}")
    } else {
        format!("{en_text}{per_year}")
    }
}

/// A figure compared with a target, with as many more decimals than the indicator shows as it
/// takes to tell it from an edge it differs from (42.02 against an exact 42 reads "42,02",
/// not "42"), so that a verdict never contradicts the number beside it. A yearly change is
/// written as one ("giảm 1,2 điểm phần trăm mỗi năm").
fn against(value: f64, shape: TargetShape, indicator: &Indicator, lang: Lang) -> String {
    if matches!(shape, TargetShape::YearlyChange { .. }) {
        return change(value, Method::Linear, indicator, lang);
    }
    let edges: Vec<f64> = match shape {
        TargetShape::Exact(v)
        | TargetShape::AtLeast(v)
        | TargetShape::AtMost(v)
        | TargetShape::Above(v)
        | TargetShape::Below(v)
        | TargetShape::EssentiallyNone { threshold: v } => vec![v],
        TargetShape::Range { min, max } => vec![min, max],
        TargetShape::About { value, tolerance } => vec![value - tolerance, value + tolerance],
        TargetShape::Average { min, max } | TargetShape::YearlyChange { min, max } => {
            min.into_iter().chain(max).collect()
        }
        TargetShape::Text => Vec::new(),
    };
    let mut decimals = indicator.decimals;
    while decimals < 6
        && edges.iter().any(|edge| {
            (value - edge).abs() > 1e-9 * edge.abs().max(1.0)
                && format(value, decimals, lang) == format(*edge, decimals, lang)
        })
    {
        decimals += 1;
    }
    with_unit(format(value, decimals, lang), indicator.unit.get(lang))
}

/// "3,1–3,2 %".
fn range_text(low: f64, high: f64, indicator: &Indicator, lang: Lang) -> String {
    with_unit(
        format!(
            "{}–{}",
            format(low, indicator.decimals, lang),
            format(high, indicator.decimals, lang)
        ),
        indicator.unit.get(lang),
    )
}

fn when_head(when: When, average: bool, lang: Lang) -> String {
    match (when, average, lang) {
        (When::Year(year), _, Lang::Vi) => format!("Năm {year}"),
        (When::Year(year), _, Lang::En) => format!("In {year}"),
        (When::Period(period), true, Lang::Vi) => format!("Bình quân {period}"),
        (When::Period(period), true, Lang::En) => format!("Average over {period}"),
        (When::Period(period), false, Lang::Vi) => format!("Cả giai đoạn {period}"),
        (When::Period(period), false, Lang::En) => format!("{period} as a whole"),
    }
}

fn ratio_text(ratio: Option<f64>, lang: Lang) -> String {
    match (ratio, lang) {
        (Some(r), Lang::Vi) if r.is_finite() => format!(" (tỷ số R = {})", format(r, 2, lang)),
        (Some(r), Lang::En) if r.is_finite() => format!(" (ratio R = {})", format(r, 2, lang)),
        _ => String::new(),
    }
}

/// An average yearly change in words: "tăng 2,9 %/năm" / "a rise of 2.9 % a year" for compound
/// growth, "giảm 0,31 điểm phần trăm mỗi năm" / "a fall of 0.31 percentage points a year" for a
/// straight-line change in a percent unit.
fn change(rate: f64, method: Method, indicator: &Indicator, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let (amount, unit_vi, unit_en) = match method {
        Method::Linear => {
            let unit = indicator.unit.get(lang);
            let amount = format(
                rate.abs(),
                indicator.decimals.saturating_add(1).min(4),
                lang,
            );
            if unit.starts_with('%') {
                (
                    amount,
                    " điểm phần trăm mỗi năm".to_string(),
                    " percentage points a year".to_string(),
                )
            } else {
                (
                    amount,
                    format!("\u{a0}{unit} mỗi năm"),
                    format!("\u{a0}{unit} a year"),
                )
            }
        }
        _ => (
            format(rate.abs(), 1, lang),
            "%/năm".to_string(),
            "% a year".to_string(),
        ),
    };
    let zero = !amount.bytes().any(|b| (b'1'..=b'9').contains(&b));
    // (A rate of exactly 0 is "no change" through `zero`, so `> 0` and `>= 0` read the same.)
    match (zero || !rate.is_finite(), rate > 0.0, vi) {
        (true, _, true) => "không đổi".to_string(),
        (true, _, false) => "no change".to_string(),
        (false, true, true) => format!("tăng {amount}{unit_vi}"),
        (false, false, true) => format!("giảm {amount}{unit_vi}"),
        (false, true, false) => format!("a rise of {amount}{unit_en}"),
        (false, false, false) => format!("a fall of {amount}{unit_en}"),
    }
}

/// "2021–2024", "2021, 2023–2024".
pub fn years_text(years: &[i32]) -> String {
    let mut sorted: Vec<i32> = years.to_vec();
    crate::order::sort(&mut sorted);
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < sorted.len() {
        let start = sorted[index];
        let mut end = start;
        while index + 1 < sorted.len() && sorted[index + 1] == end + 1 {
            index += 1;
            end = sorted[index];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        index += 1;
    }
    parts.join(", ")
}

/// One year or one period.
fn single(whens: &[When]) -> bool {
    matches!(whens, [When::Year(_)] | [When::Period(_)])
}

fn whens_text(whens: &[When]) -> String {
    let years: Vec<i32> = whens
        .iter()
        .filter_map(|w| match w {
            When::Year(year) => Some(*year),
            When::Period(_) => None,
        })
        .collect();
    let mut parts: Vec<String> = whens
        .iter()
        .filter_map(|w| match w {
            When::Period(period) => Some(period.to_string()),
            When::Year(_) => None,
        })
        .collect();
    if !years.is_empty() {
        parts.insert(0, years_text(&years));
    }
    parts.join(", ")
}

/// "ngày 1/7/2025" / "on 1 July 2025", with less when the date is less precise.
fn date_text(date: PartialDate, lang: Lang) -> String {
    let month_name = |m: u8| {
        crate::describe::MONTHS_EN
            .get(usize::from(m).saturating_sub(1))
            .copied()
            .unwrap_or("")
    };
    match (date.month, date.day, lang) {
        (Some(m), Some(d), Lang::Vi) => format!("từ ngày {d}/{m}/{}", date.year),
        (Some(m), None, Lang::Vi) => format!("từ tháng {m}/{}", date.year),
        (None, _, Lang::Vi) => format!("từ năm {}", date.year),
        (Some(m), Some(d), Lang::En) => format!("on {d} {} {}", month_name(m), date.year),
        (Some(m), None, Lang::En) => format!("in {} {}", month_name(m), date.year),
        (None, _, Lang::En) => format!("in {}", date.year),
    }
}

/// "tháng 4/2025" / "April 2025".
fn month_text(date: PartialDate, lang: Lang) -> String {
    let month_name = |m: u8| {
        crate::describe::MONTHS_EN
            .get(usize::from(m).saturating_sub(1))
            .copied()
            .unwrap_or("")
    };
    match (date.month, date.day, lang) {
        (Some(m), Some(d), Lang::Vi) => format!("ngày {d}/{m}/{}", date.year),
        (Some(m), None, Lang::Vi) => format!("tháng {m}/{}", date.year),
        (None, _, Lang::Vi) => format!("năm {}", date.year),
        (Some(m), Some(d), Lang::En) => format!("{d} {} {}", month_name(m), date.year),
        (Some(m), None, Lang::En) => format!("{} {}", month_name(m), date.year),
        (None, _, Lang::En) => date.year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share() -> Indicator {
        Indicator {
            id: "poor".into(),
            name: Text::new("Hộ nghèo", "Poor households"),
            unit: Text::new("%", "%"),
            decimals: 2,
            direction: crate::plan::Direction::Lower,
            measure: Measure::Share,
            task_area: None,
            definition: None,
            headline: false,
            gaps: None,
        }
    }

    /// Every form of a yearly-change target in words (docs/data-format.md, `yearly_change`).
    #[test]
    fn yearly_changes_in_words() {
        let i = share();
        let en = |min, max| describe_change(min, max, &i, Lang::En);
        let pp = " percentage points a year";
        assert_eq!(en(Some(-1.5), Some(-1.0)), format!("a fall of 1–1.5{pp}"));
        assert_eq!(en(Some(-1.0), Some(0.0)), format!("a fall of 0–1{pp}"));
        assert_eq!(en(Some(1.0), Some(2.0)), format!("a rise of 1–2{pp}"));
        assert_eq!(en(Some(0.0), Some(2.0)), format!("a rise of 0–2{pp}"));
        assert_eq!(
            en(Some(-1.0), Some(1.0)),
            format!("a change from a fall of 1 to a rise of 1{pp}")
        );
        assert_eq!(en(None, Some(-1.0)), format!("a fall of at least 1{pp}"));
        assert_eq!(en(None, Some(0.5)), format!("a rise of at most 0.5{pp}"));
        assert_eq!(en(Some(1.0), None), format!("a rise of at least 1{pp}"));
        assert_eq!(en(Some(-0.5), None), format!("a fall of at most 0.5{pp}"));
        assert_eq!(en(None, None), "");
        assert_eq!(
            describe_change(Some(-1.5), Some(-1.0), &i, Lang::Vi),
            "giảm 1–1,5 điểm phần trăm mỗi năm"
        );
    }

    /// A change in words: none when it rounds to zero, or is not a number at all.
    #[test]
    fn changes_in_words() {
        let i = share();
        assert_eq!(change(0.0, Method::Linear, &i, Lang::Vi), "không đổi");
        assert_eq!(change(0.0001, Method::Linear, &i, Lang::En), "no change");
        assert_eq!(change(f64::NAN, Method::Linear, &i, Lang::En), "no change");
        assert_eq!(
            change(-0.31, Method::Linear, &i, Lang::En),
            "a fall of 0.310 percentage points a year"
        );
        assert_eq!(change(2.9, Method::Compound, &i, Lang::Vi), "tăng 2,9%/năm");
        assert_eq!(change(-0.04, Method::Compound, &i, Lang::Vi), "không đổi");
        assert_eq!(ratio_text(Some(f64::INFINITY), Lang::En), "");
        assert_eq!(ratio_text(Some(f64::NAN), Lang::Vi), "");
        assert_eq!(ratio_text(Some(0.814), Lang::Vi), " (tỷ số R = 0,81)");
    }

    /// §4: a figure within the noise allowance of an edge (one part in 10⁹, or 10⁻⁹ near zero)
    /// is the edge, so it reads as the edge does — no extra decimals to tell them apart; a
    /// figure just beyond it gets the decimals that show the difference.
    #[test]
    fn a_figure_within_the_noise_of_an_edge_reads_as_the_edge() {
        let i = share();
        let none = TargetShape::EssentiallyNone { threshold: 0.0 };
        let at_edge = against(0.0, none, &i, Lang::En);
        assert_eq!(against(1e-9, none, &i, Lang::En), at_edge);
        assert_ne!(against(2e-6, none, &i, Lang::En), at_edge);
    }

    /// A figure against a target: more decimals only where the displayed figure would look like
    /// an edge it differs from (never for a figure equal to the edge, or within a billionth of
    /// it), and at most six.
    #[test]
    fn figures_against_their_target() {
        let i = share();
        let exact = TargetShape::Exact(42.0);
        assert_eq!(against(42.0, exact, &i, Lang::Vi), "42,00%");
        assert_eq!(against(42.000_000_001, exact, &i, Lang::Vi), "42,00%");
        assert_eq!(against(42.002, exact, &i, Lang::Vi), "42,002%");
        assert_eq!(against(42.000_000_1, exact, &i, Lang::Vi), "42,000000%");
        assert_eq!(against(41.9999, exact, &i, Lang::En), "41.9999%");
    }

    /// A range in words, with its middle when a trend or an average uses it.
    #[test]
    fn ranges_in_words() {
        let i = share();
        let r = Reason::RangeFigure {
            year: 2025,
            low: 36.0,
            high: 37.0,
            effect: RangeEffect::Middle,
        };
        assert_eq!(
            r.text(&i, Lang::En),
            "The 2025 figure was published as a range, 36.00–37.00%; trends and averages use its middle, 36.50%."
        );
    }

    #[test]
    fn year_lists_collapse_runs() {
        assert_eq!(years_text(&[2024, 2021, 2022, 2023]), "2021–2024");
        assert_eq!(years_text(&[2021, 2023, 2024]), "2021, 2023–2024");
        assert_eq!(years_text(&[]), "");
    }

    #[test]
    fn dates_in_both_languages() {
        let date = PartialDate {
            year: 2025,
            month: Some(7),
            day: Some(1),
        };
        assert_eq!(date_text(date, Lang::Vi), "từ ngày 1/7/2025");
        assert_eq!(date_text(date, Lang::En), "on 1 July 2025");
        let month = PartialDate {
            year: 2025,
            month: Some(4),
            day: None,
        };
        assert_eq!(month_text(month, Lang::Vi), "tháng 4/2025");
        assert_eq!(month_text(month, Lang::En), "April 2025");
    }
}
