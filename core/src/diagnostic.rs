//! Located, human messages about a plan file. Parsing and validation never panic and never stop
//! at the first problem they can recover from: they collect `Diagnostic`s, each naming the file,
//! line, column and field path, and saying what was expected, in Vietnamese and English.
//!
//! Every message is wholly in one language: the parts a message is built from (what was
//! expected, what was found, a type, a kind of record) are enums with a word in each language,
//! never English strings translated by lookup. Every text taken from the plan file is escaped
//! before it is shown (`text::escape_invisible`, `text::escape_confusable`), so a control
//! character, a bidirectional override or a zero-width space in a file reaches neither a
//! terminal nor a reader's screen as itself.

use crate::text::{escape_confusable, escape_invisible, Lang};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Where in a plan file a problem sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// Field path such as `observation[grdp_growth 2024].value`; empty for syntax errors.
    pub path: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub problem: Problem,
}

/// What the parser expected when it found something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Equals,
    Key,
    Value,
    EndOfLine,
    ClosingQuote,
    Escape,
    Number,
    ArraySeparator,
    TableSeparator,
    HeaderEnd,
    NoControlInString,
    NoControlInComment,
}

/// What the parser found instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    EndOfLine,
    EndOfFile,
    Char(char),
    /// A literal as written (a number, an escape).
    Written(String),
    /// A word without quotes where a value belongs: a string missing its quotes.
    Unquoted(String),
}

/// Valid TOML that this format does not accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    NestedHeaders,
    MultilineLiteral,
    BareDates,
    Exponents,
    NonDecimal,
}

/// The types a field can have, as named in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeName {
    String,
    Number,
    WholeNumber,
    DecimalNumber,
    Bool,
    Array,
    Table,
    TableArray,
    TextPair,
    /// A string (a name, the same in both languages) or a text pair.
    NameOrTextPair,
    /// Two numbers `[numerator, denominator]` (a reference's ratio).
    NumberPair,
}

/// The kinds of record a message can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Document,
    Statement,
    TaskArea,
    Territory,
    Source,
    Indicator,
    Target,
    Method,
    Reference,
}

/// A limit on what a file may hold, so that no file can exhaust memory, the stack or time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Bytes in the file.
    FileSize,
    /// Characters on one line.
    LineLength,
    /// Arrays, inline tables and dotted keys nested in one another.
    Depth,
    /// Keys in one table.
    Keys,
}

/// Why the bytes are not UTF-8 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// A byte sequence that is not UTF-8 (the first bad byte).
    InvalidUtf8(u8),
    /// The file starts with a UTF-16 byte-order mark or reads as UTF-16.
    Utf16,
    /// A NUL byte: a binary file, or UTF-16 read as bytes.
    Nul,
    /// U+FFFD, the replacement character: the text was decoded from another encoding.
    Replacement,
}

/// What is wrong with an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    Scheme,
    NoHost,
    Credentials,
    Space,
    Invisible(char),
    BadHost,
}

/// What is wrong. Each variant has one stable code (see `code`), documented in
/// docs/data-format.md.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Syntax {
        expected: Expected,
        found: Found,
    },
    Unsupported {
        feature: Feature,
    },
    DuplicateKey {
        key: String,
    },
    /// `6,5` or `4,700`: a comma inside a number.
    CommaInNumber {
        written: String,
    },
    /// `4.700.000`: dots between groups of thousands.
    DotsInNumber {
        written: String,
    },
    Encoding {
        what: Encoding,
    },
    TooLarge {
        limit: Limit,
        max: usize,
    },
    TooManyMessages {
        more: usize,
        max: usize,
    },
    UnknownField {
        field: String,
        allowed: Vec<&'static str>,
    },
    MissingField {
        field: &'static str,
    },
    WrongType {
        expected: TypeName,
        found: TypeName,
    },
    NotOneOf {
        found: String,
        allowed: Vec<&'static str>,
    },
    MissingTranslation {
        lang: Lang,
    },
    /// An empty or blank string; `unknown` says that `"unknown"` is the accepted word here.
    EmptyText {
        unknown: bool,
    },
    BadId {
        id: String,
    },
    DuplicateId {
        kind: RecordKind,
        id: String,
        first_line: u32,
    },
    UnknownReference {
        kind: RecordKind,
        id: String,
    },
    BadUrl {
        url: String,
        why: UrlProblem,
    },
    BadDate {
        text: String,
        /// The same date in ISO order, when the text was a day-first date.
        iso: Option<String>,
    },
    BadPeriod {
        text: String,
    },
    YearOutOfRange {
        year: i32,
    },
    FutureDate {
        text: String,
        today: String,
    },
    FromAfterUntil {
        from: String,
        until: String,
    },
    AsOfOutside {
        as_of: String,
        when: String,
    },
    YearAndPeriod,
    NoYearOrPeriod,
    EveryYearNeedsPeriod,
    OutsidePlan {
        year: i32,
        start: i32,
        end: i32,
    },
    ShareAbove100 {
        value: f64,
    },
    Negative {
        value: f64,
    },
    NegativeTolerance {
        value: f64,
    },
    NotANumber {
        written: String,
    },
    MinAboveMax {
        min: f64,
        max: f64,
    },
    FieldNotForShape {
        field: &'static str,
        shape: &'static str,
    },
    /// `value` beside `min`/`max` in an average.
    ValueWithBand,
    /// A `series_break` field that belongs to the other kind of break.
    FieldNotForBreak {
        field: &'static str,
        kind: &'static str,
    },
    /// An observation of an indicator with a method break, whose method cannot be told from its
    /// source's date.
    MethodNotKnown {
        methods: Vec<String>,
    },
    BadFormatVersion {
        found: String,
    },
    OutOfRange {
        value: f64,
        min: f64,
        max: f64,
    },
    BadPlanYears {
        start: i32,
        end: i32,
    },
    DuplicateObservation {
        first_line: u32,
    },
    DuplicateItem {
        item: String,
    },
    ControlCharacter {
        ch: char,
        at: usize,
    },
    InvisibleCharacter {
        ch: char,
        at: usize,
    },
    MaybeThousands {
        written: String,
        decimals: u8,
    },
    TooPrecise {
        written: String,
        read: f64,
    },
    UnusedSource {
        id: String,
    },
    TerritoryNotInTime {
        territory: String,
        year: i32,
    },
    /// A derived value, or a reference's ratio, does not equal what its stated arithmetic gives.
    ArithmeticMismatch {
        value: f64,
        computed: f64,
    },
    /// A `formula` whose input figure (same year, territory and source) is not in the file.
    FormulaInputMissing {
        indicator: String,
        source: String,
    },
    /// `kind = "derived"` without a `formula`, or a `formula` on a published figure.
    DerivedWithoutFormula,
    FormulaNotDerived,
    /// A derived value must carry its input's hedge ("khoảng", "trên"), no more, no less.
    FormulaQualifier,
    /// A formula divides by a reference value for another year.
    ReferenceYear {
        reference: String,
        year: i32,
        expected: i32,
    },
    /// A tally counts more targets than the document has.
    TallyOverTotal {
        counted: u32,
        of: u32,
    },
}

impl Problem {
    /// A stable kebab-case code, for documentation, tests and people searching for help.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Syntax { .. } => "syntax",
            Problem::Unsupported { .. } => "unsupported-syntax",
            Problem::DuplicateKey { .. } => "duplicate-key",
            Problem::CommaInNumber { .. } => "decimal-comma",
            Problem::DotsInNumber { .. } => "thousands-separator",
            Problem::Encoding { .. } => "encoding",
            Problem::TooLarge {
                limit: Limit::FileSize,
                ..
            } => "file-too-large",
            Problem::TooLarge {
                limit: Limit::LineLength,
                ..
            } => "line-too-long",
            Problem::TooLarge {
                limit: Limit::Depth,
                ..
            } => "too-deep",
            Problem::TooLarge {
                limit: Limit::Keys, ..
            } => "too-many-keys",
            Problem::TooManyMessages { .. } => "too-many-messages",
            Problem::UnknownField { .. } => "unknown-field",
            Problem::MissingField { .. } => "missing-field",
            Problem::WrongType { .. } => "wrong-type",
            Problem::NotOneOf { .. } => "not-allowed-value",
            Problem::MissingTranslation { .. } => "missing-translation",
            Problem::EmptyText { .. } => "empty-text",
            Problem::BadId { .. } => "bad-id",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::UnknownReference { .. } => "unknown-reference",
            Problem::BadUrl { .. } => "bad-url",
            Problem::BadDate { .. } => "bad-date",
            Problem::BadPeriod { .. } => "bad-period",
            Problem::YearOutOfRange { .. } => "year-out-of-range",
            Problem::FutureDate { .. } => "future-date",
            Problem::FromAfterUntil { .. } => "from-after-until",
            Problem::AsOfOutside { .. } => "as-of-outside",
            Problem::YearAndPeriod => "year-and-period",
            Problem::NoYearOrPeriod => "no-year-or-period",
            Problem::EveryYearNeedsPeriod => "every-year-needs-period",
            Problem::OutsidePlan { .. } => "outside-plan",
            Problem::ShareAbove100 { .. } => "share-above-100",
            Problem::Negative { .. } | Problem::NegativeTolerance { .. } => "negative-value",
            Problem::NotANumber { .. } => "not-a-number",
            Problem::MinAboveMax { .. } => "min-above-max",
            Problem::FieldNotForShape { .. } | Problem::ValueWithBand => "field-not-for-shape",
            Problem::FieldNotForBreak { .. } => "field-not-for-break",
            Problem::MethodNotKnown { .. } => "method-not-known",
            Problem::BadFormatVersion { .. } => "bad-format-version",
            Problem::OutOfRange { .. } => "out-of-range",
            Problem::BadPlanYears { .. } => "bad-plan-years",
            Problem::DuplicateObservation { .. } => "duplicate-observation",
            Problem::DuplicateItem { .. } => "duplicate-item",
            Problem::ControlCharacter { .. } => "control-character",
            Problem::InvisibleCharacter { .. } => "invisible-character",
            Problem::MaybeThousands { .. } => "maybe-thousands-separator",
            Problem::TooPrecise { .. } => "too-precise",
            Problem::UnusedSource { .. } => "unused-source",
            Problem::TerritoryNotInTime { .. } => "territory-not-in-time",
            Problem::ArithmeticMismatch { .. } => "arithmetic-mismatch",
            Problem::FormulaInputMissing { .. } => "formula-input-missing",
            Problem::DerivedWithoutFormula => "derived-without-formula",
            Problem::FormulaNotDerived => "formula-not-derived",
            Problem::FormulaQualifier => "formula-qualifier",
            Problem::ReferenceYear { .. } => "reference-year",
            Problem::TallyOverTotal { .. } => "tally-over-total",
        }
    }

    /// The message for a reader, in the requested language. Text from the file is escaped.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let ascii = |text: &str| escape_confusable(text).into_owned();
        let shown = |text: &str| escape_invisible(text).into_owned();
        let list = |items: &[&'static str]| {
            items
                .iter()
                .map(|it| format!("`{it}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let pick = |vi_text: String, en_text: String| if vi { vi_text } else { en_text };
        match self {
            Problem::Syntax { expected, found } => pick(
                format!(
                    "lỗi cú pháp: {} (gặp {})",
                    expected.words(lang),
                    found.words(lang)
                ),
                format!(
                    "syntax error: {} (found {})",
                    expected.words(lang),
                    found.words(lang)
                ),
            ),
            Problem::Unsupported { feature } => pick(
                format!("cú pháp không được hỗ trợ: {}", feature.words(lang)),
                format!("unsupported syntax: {}", feature.words(lang)),
            ),
            Problem::DuplicateKey { key } => pick(
                format!("khóa `{}` được khai báo hai lần", ascii(key)),
                format!("key `{}` is defined twice", ascii(key)),
            ),
            Problem::CommaInNumber { written } => {
                let (point, joined) = comma_readings(written);
                pick(
                    format!(
                        "`{}`: số có dấu phẩy. Nếu là dấu thập phân, viết bằng dấu chấm: {point}; nếu là dấu phân cách hàng nghìn, bỏ nó đi: {joined}",
                        ascii(written)
                    ),
                    format!(
                        "`{}`: a comma in a number. If it is a decimal comma, write a point: {point}; if it separates thousands, leave it out: {joined}",
                        ascii(written)
                    ),
                )
            }
            Problem::DotsInNumber { written } => {
                let joined: String = written.chars().filter(|c| *c != '.').collect();
                pick(
                    format!(
                        "`{}`: dấu chấm phân cách hàng nghìn; viết liền {} (hoặc {})",
                        ascii(written),
                        ascii(&joined),
                        ascii(&written.replace('.', "_"))
                    ),
                    format!(
                        "`{}`: dots separating thousands; write {} (or {})",
                        ascii(written),
                        ascii(&joined),
                        ascii(&written.replace('.', "_"))
                    ),
                )
            }
            Problem::Encoding { what } => match (what, vi) {
                (Encoding::InvalidUtf8(byte), true) => format!(
                    "tệp không phải văn bản UTF-8 hợp lệ tại đây (byte 0x{byte:02X}); hãy lưu tệp dạng UTF-8"
                ),
                (Encoding::InvalidUtf8(byte), false) => format!(
                    "the file is not valid UTF-8 here (byte 0x{byte:02X}); save it as UTF-8"
                ),
                (Encoding::Utf16, true) => {
                    "tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8".into()
                }
                (Encoding::Utf16, false) => "the file is saved as UTF-16; save it as UTF-8".into(),
                (Encoding::Nul, true) => "byte NUL: đây không phải tệp văn bản, hoặc tệp được lưu dạng UTF-16; hãy lưu dạng văn bản UTF-8".into(),
                (Encoding::Nul, false) => "a NUL byte: this is not a text file, or it is saved as UTF-16; save it as UTF-8 text".into(),
                (Encoding::Replacement, true) => "ký tự thay thế U+FFFD: tệp đã bị chuyển từ một bảng mã khác và mất ký tự tại đây; hãy lưu bản gốc dạng UTF-8".into(),
                (Encoding::Replacement, false) => "the replacement character U+FFFD: the file was converted from another encoding and lost a character here; save the original as UTF-8".into(),
            },
            Problem::TooLarge { limit, max } => match (limit, vi) {
                (Limit::FileSize, true) => format!("tệp lớn hơn giới hạn {max} byte"),
                (Limit::FileSize, false) => format!("the file is larger than the limit of {max} bytes"),
                (Limit::LineLength, true) => format!("dòng dài hơn giới hạn {max} ký tự"),
                (Limit::LineLength, false) => format!("the line is longer than the limit of {max} characters"),
                (Limit::Depth, true) => format!("mảng, bảng và khóa có dấu chấm lồng nhau quá {max} cấp"),
                (Limit::Depth, false) => format!("arrays, tables and dotted keys nested deeper than {max} levels"),
                (Limit::Keys, true) => format!("một bảng có hơn {max} khóa"),
                (Limit::Keys, false) => format!("more than {max} keys in one table"),
            },
            Problem::TooManyMessages { more, max } => pick(
                format!("còn {more} vấn đề nữa từ đây không được hiển thị (chỉ hiển thị {max}); hãy sửa các lỗi trên rồi kiểm tra lại"),
                format!("{more} more problems from here on are not shown (only {max} are); fix the ones above and check again"),
            ),
            Problem::UnknownField { field, allowed } => pick(
                format!(
                    "trường không xác định `{}`; các trường hợp lệ: {}",
                    ascii(field),
                    list(allowed)
                ),
                format!(
                    "unknown field `{}`; allowed fields: {}",
                    ascii(field),
                    list(allowed)
                ),
            ),
            Problem::MissingField { field } => pick(
                format!("thiếu trường bắt buộc `{field}`"),
                format!("missing required field `{field}`"),
            ),
            Problem::WrongType { expected, found } => pick(
                format!("cần {}, nhưng gặp {}", expected.words(lang), found.words(lang)),
                format!("expected {}, found {}", expected.words(lang), found.words(lang)),
            ),
            Problem::NotOneOf { found, allowed } => pick(
                format!(
                    "giá trị `{}` không hợp lệ; chỉ nhận: {}",
                    ascii(found),
                    list(allowed)
                ),
                format!(
                    "`{}` is not allowed; expected one of: {}",
                    ascii(found),
                    list(allowed)
                ),
            ),
            Problem::MissingTranslation { lang: missing } => {
                let which = match (missing, vi) {
                    (Lang::Vi, true) => "tiếng Việt (`vi`)",
                    (Lang::En, true) => "tiếng Anh (`en`)",
                    (Lang::Vi, false) => "Vietnamese (`vi`)",
                    (Lang::En, false) => "English (`en`)",
                };
                pick(
                    format!("thiếu bản {which}; mọi văn bản cần cả `vi` và `en`"),
                    format!("missing {which} text; every text needs both `vi` and `en`"),
                )
            }
            Problem::EmptyText { unknown } => match (unknown, vi) {
                (false, true) => "văn bản rỗng".into(),
                (false, false) => "text is empty".into(),
                (true, true) => "giá trị rỗng; nếu nguồn không ghi ngày, hãy viết \"unknown\"".into(),
                (true, false) => "the value is empty; if the source shows no date, write \"unknown\"".into(),
            },
            Problem::BadId { id } => {
                let bad = id
                    .chars()
                    .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_')));
                let which = bad.map(|c| char_words(c, lang)).unwrap_or_default();
                pick(
                    format!(
                        "mã `{}` không hợp lệ: chỉ dùng chữ thường a–z, số, `-` và `_`{}",
                        ascii(id),
                        if which.is_empty() { String::new() } else { format!(" (có {which})") }
                    ),
                    format!(
                        "id `{}` is invalid: use lowercase a–z, digits, `-` and `_` only{}",
                        ascii(id),
                        if which.is_empty() { String::new() } else { format!(" (it has {which})") }
                    ),
                )
            }
            Problem::DuplicateId {
                kind,
                id,
                first_line,
            } => pick(
                format!(
                    "mã {} `{}` bị trùng (đã dùng ở dòng {first_line})",
                    kind.words(lang),
                    ascii(id)
                ),
                format!(
                    "duplicate {} id `{}` (first used on line {first_line})",
                    kind.words(lang),
                    ascii(id)
                ),
            ),
            Problem::UnknownReference { kind, id } => {
                let hint = if id.chars().any(crate::text::is_invisible) {
                    if vi {
                        " (mã có ký tự vô hình hoặc ký tự điều khiển)"
                    } else {
                        " (it has an invisible or control character)"
                    }
                } else if id.is_ascii() {
                    ""
                } else if vi {
                    " (mã có ký tự ngoài ASCII, có thể là chữ trông giống chữ Latinh)"
                } else {
                    " (it has characters outside ASCII, perhaps a look-alike of a Latin letter)"
                };
                pick(
                    format!("không có {} nào mang mã `{}`{hint}", kind.words(lang), ascii(id)),
                    format!("no {} has the id `{}`{hint}", kind.words(lang), ascii(id)),
                )
            }
            Problem::BadUrl { url, why } => {
                let url = shown(url);
                match (why, vi) {
                    (UrlProblem::Scheme, true) => format!("địa chỉ `{url}` không hợp lệ: cần bắt đầu bằng http:// hoặc https://"),
                    (UrlProblem::Scheme, false) => format!("`{url}` is not a valid address: it must start with http:// or https://"),
                    (UrlProblem::NoHost, true) => format!("địa chỉ `{url}` không có tên máy chủ sau `//`"),
                    (UrlProblem::NoHost, false) => format!("`{url}` has no host name after `//`"),
                    (UrlProblem::Credentials, true) => format!("địa chỉ `{url}` chứa tên đăng nhập hoặc mật khẩu (`…@`); hãy bỏ chúng đi"),
                    (UrlProblem::Credentials, false) => format!("`{url}` carries a user name or password (`…@`); leave them out"),
                    (UrlProblem::Space, true) => format!("địa chỉ `{url}` có khoảng trắng; hãy viết `%20`"),
                    (UrlProblem::Space, false) => format!("`{url}` contains a space; write it as `%20`"),
                    (UrlProblem::Invisible(c), true) => format!("địa chỉ `{url}` có {}", char_words(*c, lang)),
                    (UrlProblem::Invisible(c), false) => format!("`{url}` contains {}", char_words(*c, lang)),
                    (UrlProblem::BadHost, true) => format!("tên máy chủ trong `{url}` không hợp lệ"),
                    (UrlProblem::BadHost, false) => format!("the host name in `{url}` is not valid"),
                }
            }
            Problem::BadDate { text, iso } => {
                let hint = match (iso, vi) {
                    (Some(iso), true) => format!("; có phải là \"{iso}\"?"),
                    (Some(iso), false) => format!("; did you mean \"{iso}\"?"),
                    (None, _) => String::new(),
                };
                pick(
                    format!(
                        "ngày `{}` không hợp lệ: cần dạng YYYY-MM-DD, YYYY-MM hoặc YYYY{hint}",
                        ascii(text)
                    ),
                    format!(
                        "`{}` is not a valid date: expected YYYY-MM-DD, YYYY-MM or YYYY{hint}",
                        ascii(text)
                    ),
                )
            }
            Problem::BadPeriod { text } => pick(
                format!(
                    "giai đoạn `{}` không hợp lệ: cần dạng \"2021-2025\" (năm đầu ≤ năm cuối)",
                    ascii(text)
                ),
                format!(
                    "`{}` is not a valid period: expected \"2021-2025\" (first ≤ last)",
                    ascii(text)
                ),
            ),
            Problem::YearOutOfRange { year } => pick(
                format!("năm {year} nằm ngoài khoảng 1900–2200"),
                format!("year {year} is outside 1900–2200"),
            ),
            Problem::FutureDate { text, today } => pick(
                format!("ngày {} ở sau hôm nay ({today}): ngày này chưa đến", ascii(text)),
                format!("{} is after today ({today}): that day has not come yet", ascii(text)),
            ),
            Problem::FromAfterUntil { from, until } => pick(
                format!("`from` ({}) ở sau `until` ({})", ascii(from), ascii(until)),
                format!("`from` ({}) is after `until` ({})", ascii(from), ascii(until)),
            ),
            Problem::AsOfOutside { as_of, when } => pick(
                format!("`as_of` ({}) không thuộc {when}, thời gian của số liệu", ascii(as_of)),
                format!("`as_of` ({}) is not within {when}, the observation's time", ascii(as_of)),
            ),
            Problem::YearAndPeriod => pick(
                "chỉ dùng một trong hai: `year` hoặc `period`".into(),
                "give either `year` or `period`, not both".into(),
            ),
            Problem::NoYearOrPeriod => pick(
                "thiếu `year` hoặc `period`".into(),
                "missing `year` or `period`".into(),
            ),
            Problem::EveryYearNeedsPeriod => pick(
                "`every_year` cần một `period` (các năm mà mức trần hoặc mức sàn áp dụng)".into(),
                "`every_year` needs a `period` (the years the cap or floor applies to)".into(),
            ),
            Problem::OutsidePlan { year, start, end } => pick(
                format!("năm {year} nằm ngoài kế hoạch ({start}–{end})"),
                format!("year {year} lies outside the plan ({start}–{end})"),
            ),
            Problem::ShareAbove100 { value } => pick(
                format!("tỉ lệ {value} vượt quá 100 %"),
                format!("share {value} is above 100 %"),
            ),
            Problem::Negative { value } => pick(
                format!("giá trị {value} âm, nhưng chỉ tiêu này không thể âm"),
                format!("value {value} is negative, but this indicator cannot be"),
            ),
            Problem::NegativeTolerance { value } => pick(
                format!("`tolerance` ({value}) không thể âm: đó là độ lệch cho phép về mỗi phía"),
                format!("`tolerance` ({value}) cannot be negative: it is the allowance on each side"),
            ),
            Problem::NotANumber { written } => pick(
                format!("`{}` không phải là một số hữu hạn", clip(&ascii(written))),
                format!("`{}` is not a finite number", clip(&ascii(written))),
            ),
            Problem::MinAboveMax { min, max } => pick(
                format!("`min` ({min}) lớn hơn `max` ({max})"),
                format!("`min` ({min}) is greater than `max` ({max})"),
            ),
            Problem::FieldNotForShape { field, shape } => pick(
                format!("trường `{field}` không dùng cho dạng chỉ tiêu `{shape}`"),
                format!("field `{field}` does not belong to shape `{shape}`"),
            ),
            Problem::ValueWithBand => pick(
                "chỉ dùng `value` (một số), hoặc `min` và `max` (một khoảng), không dùng cả hai".into(),
                "give either `value` (one number) or `min` and `max` (a range), not both".into(),
            ),
            Problem::FieldNotForBreak { field, kind } => pick(
                format!("trường `{field}` không dùng cho loại gián đoạn `{kind}`"),
                format!("field `{field}` does not belong to a break of kind `{kind}`"),
            ),
            Problem::MethodNotKnown { methods } => {
                let names = methods
                    .iter()
                    .map(|m| format!("\"{}\"", ascii(m)))
                    .collect::<Vec<_>>()
                    .join(", ");
                pick(
                    format!("chỉ số này có thay đổi phương pháp, và ngày công bố của nguồn không rõ; hãy ghi `method` (một trong {names})"),
                    format!("this indicator has a change of method and the source's date is unknown; say which with `method` (one of {names})"),
                )
            }
            Problem::BadFormatVersion { found } => pick(
                format!(
                    "phiên bản định dạng `{}` không được hỗ trợ; cần `format = 1`",
                    ascii(found)
                ),
                format!(
                    "format version `{}` is not supported; expected `format = 1`",
                    ascii(found)
                ),
            ),
            Problem::OutOfRange { value, min, max } => pick(
                format!("giá trị {value} nằm ngoài khoảng cho phép {min}–{max}"),
                format!("value {value} is outside the allowed range {min}–{max}"),
            ),
            Problem::BadPlanYears { start, end } => pick(
                format!("năm bắt đầu {start} sau năm kết thúc {end}"),
                format!("start year {start} is after end year {end}"),
            ),
            Problem::DuplicateObservation { first_line } => pick(
                format!("số liệu này trùng hoàn toàn với số liệu ở dòng {first_line}"),
                format!("this observation repeats the one on line {first_line} exactly"),
            ),
            Problem::DuplicateItem { item } => pick(
                format!("`{}` được ghi hai lần trong danh sách", ascii(item)),
                format!("`{}` is listed twice", ascii(item)),
            ),
            Problem::ControlCharacter { ch, at } => pick(
                format!("{} ở ký tự thứ {} của chuỗi; ký tự điều khiển không được phép", char_words(*ch, lang), at + 1),
                format!("{} at character {} of the string; control characters are not allowed", char_words(*ch, lang), at + 1),
            ),
            Problem::InvisibleCharacter { ch, at } => pick(
                format!("{} ở ký tự thứ {} của chuỗi; nó không hiện ra nhưng làm thay đổi văn bản", char_words(*ch, lang), at + 1),
                format!("{} at character {} of the string; it is not seen but changes the text", char_words(*ch, lang), at + 1),
            ),
            Problem::MaybeThousands { written, decimals } => {
                let joined: String = written.chars().filter(|c| *c != '.').collect();
                let read = written.trim_end_matches('0').trim_end_matches('.');
                pick(
                    format!(
                        "`{}` được đọc là {read}; nếu dấu chấm phân cách hàng nghìn, hãy viết {joined} (chỉ số này hiển thị {decimals} chữ số thập phân)",
                        ascii(written)
                    ),
                    format!(
                        "`{}` is read as {read}; if the dot separates thousands, write {joined} (this indicator shows {decimals} decimals)",
                        ascii(written)
                    ),
                )
            }
            Problem::TooPrecise { written, read } => pick(
                format!(
                    "`{}` có nhiều chữ số hơn một số có thể lưu (khoảng 15–17 chữ số có nghĩa); được đọc là {}",
                    clip(&ascii(written)),
                    clip(&read.to_string())
                ),
                format!(
                    "`{}` has more digits than a number can hold (about 15–17 significant digits); it is read as {}",
                    clip(&ascii(written)),
                    clip(&read.to_string())
                ),
            ),
            Problem::UnusedSource { id } => pick(
                format!("nguồn `{}` không được số liệu hay chỉ tiêu nào dùng đến", ascii(id)),
                format!("source `{}` is not used by any observation or target", ascii(id)),
            ),
            Problem::TerritoryNotInTime { territory, year } => pick(
                format!("địa bàn `{}` không tồn tại trong năm {year}", ascii(territory)),
                format!("territory `{}` did not exist in {year}", ascii(territory)),
            ),
            Problem::ArithmeticMismatch { value, computed } => pick(
                format!("giá trị ghi {value} không khớp với phép tính đã nêu, cho ra {computed}"),
                format!(
                    "the value written, {value}, does not match its stated arithmetic, which gives {computed}"
                ),
            ),
            Problem::FormulaInputMissing { indicator, source } => pick(
                format!(
                    "không có số liệu `{}` cùng năm, cùng địa bàn, cùng nguồn `{}` để tính",
                    ascii(indicator),
                    ascii(source)
                ),
                format!(
                    "no `{}` figure of the same year and territory from source `{}` to compute from",
                    ascii(indicator),
                    ascii(source)
                ),
            ),
            Problem::DerivedWithoutFormula => pick(
                "số suy ra (`kind = \"derived\"`) cần có `formula` nói rõ cách tính".into(),
                "a derived value (`kind = \"derived\"`) needs a `formula` saying how it is computed"
                    .into(),
            ),
            Problem::FormulaNotDerived => pick(
                "có `formula` thì `kind` phải là \"derived\"".into(),
                "an observation with a `formula` must have `kind = \"derived\"`".into(),
            ),
            Problem::FormulaQualifier => pick(
                "số suy ra phải mang đúng `qualifier` của số liệu đầu vào".into(),
                "a derived value must carry exactly the `qualifier` of its input figure".into(),
            ),
            Problem::ReferenceYear {
                reference,
                year,
                expected,
            } => pick(
                format!(
                    "giá trị tham chiếu `{}` là của năm {year}, không phải năm {expected}",
                    ascii(reference)
                ),
                format!(
                    "reference `{}` is for {year}, not {expected}",
                    ascii(reference)
                ),
            ),
            Problem::TallyOverTotal { counted, of } => pick(
                format!("đếm {counted} chỉ tiêu nhưng văn bản chỉ có {of}"),
                format!("{counted} targets counted, but the document has only {of}"),
            ),
        }
    }
}

/// A literal cut to 40 characters, so that a 400-digit number makes a message, not a page.
fn clip(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(40).collect::<String>())
    }
}

/// The two readings of a number with a comma: `6,5` → `6.5` and `65`.
fn comma_readings(written: &str) -> (String, String) {
    let point = escape_confusable(&written.replacen(',', ".", 1)).into_owned();
    let joined: String = written.chars().filter(|c| *c != ',').collect();
    (point, escape_confusable(&joined).into_owned())
}

/// A character named so that a reader can find it: `\u{202E}` (a bidirectional override).
fn char_words(c: char, lang: Lang) -> String {
    let code = format!("\\u{{{:X}}}", u32::from(c));
    let what = match (lang, c) {
        (Lang::Vi, c) if c.is_control() => "ký tự điều khiển",
        (Lang::Vi, c) if crate::text::is_bidi_control(c) => "ký tự điều khiển hướng chữ",
        (Lang::Vi, c) if crate::text::is_zero_width(c) => "ký tự vô hình",
        (Lang::Vi, _) => "ký tự",
        (Lang::En, c) if c.is_control() => "a control character",
        (Lang::En, c) if crate::text::is_bidi_control(c) => "a bidirectional formatting character",
        (Lang::En, c) if crate::text::is_zero_width(c) => "an invisible character",
        (Lang::En, _) => "the character",
    };
    if c.is_ascii_graphic() || c == ' ' {
        format!("{what} `{c}`")
    } else {
        format!("{what} `{code}`")
    }
}

impl Expected {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Equals, Lang::Vi) => "cần dấu `=` sau khóa",
            (Expected::Equals, Lang::En) => "expected `=` after the key",
            (Expected::Key, Lang::Vi) => "cần một khóa",
            (Expected::Key, Lang::En) => "expected a key",
            (Expected::Value, Lang::Vi) => "cần một giá trị",
            (Expected::Value, Lang::En) => "expected a value",
            (Expected::EndOfLine, Lang::Vi) => "cần xuống dòng sau giá trị",
            (Expected::EndOfLine, Lang::En) => "expected the end of the line",
            (Expected::ClosingQuote, Lang::Vi) => "chuỗi chưa được đóng bằng dấu nháy",
            (Expected::ClosingQuote, Lang::En) => "unterminated string",
            (Expected::Escape, Lang::Vi) => "ký tự thoát không hợp lệ trong chuỗi",
            (Expected::Escape, Lang::En) => "invalid escape in string",
            (Expected::Number, Lang::Vi) => "số không hợp lệ",
            (Expected::Number, Lang::En) => "invalid number",
            (Expected::ArraySeparator, Lang::Vi) => "cần `,` hoặc `]` trong mảng",
            (Expected::ArraySeparator, Lang::En) => "expected `,` or `]` in array",
            (Expected::TableSeparator, Lang::Vi) => "cần `,` hoặc `}` trong bảng nội dòng",
            (Expected::TableSeparator, Lang::En) => "expected `,` or `}` in inline table",
            (Expected::HeaderEnd, Lang::Vi) => "cần `]` để đóng tiêu đề bảng",
            (Expected::HeaderEnd, Lang::En) => "expected `]` to close the table header",
            (Expected::NoControlInString, Lang::Vi) => "ký tự điều khiển trong chuỗi",
            (Expected::NoControlInString, Lang::En) => "control character in string",
            (Expected::NoControlInComment, Lang::Vi) => "ký tự điều khiển trong chú thích",
            (Expected::NoControlInComment, Lang::En) => "control character in a comment",
        }
    }
}

impl Found {
    fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Found::EndOfLine, Lang::Vi) => "cuối dòng".into(),
            (Found::EndOfLine, Lang::En) => "the end of the line".into(),
            (Found::EndOfFile, Lang::Vi) => "cuối tệp".into(),
            (Found::EndOfFile, Lang::En) => "the end of the file".into(),
            (Found::Char(c), _) => format!("`{}`", escape_invisible(&c.to_string())),
            (Found::Written(text), _) => format!("`{}`", escape_invisible(text)),
            (Found::Unquoted(word), Lang::Vi) => {
                let word = escape_invisible(word);
                format!("`{word}` (chuỗi cần dấu nháy: \"{word}\")")
            }
            (Found::Unquoted(word), Lang::En) => {
                let word = escape_invisible(word);
                format!("`{word}` (strings need quotes: \"{word}\")")
            }
        }
    }
}

impl Feature {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Feature::NestedHeaders, Lang::Vi) => "tiêu đề bảng lồng nhau như [a.b]",
            (Feature::NestedHeaders, Lang::En) => "nested table headers such as [a.b]",
            (Feature::MultilineLiteral, Lang::Vi) => "chuỗi nguyên văn nhiều dòng '''…'''",
            (Feature::MultilineLiteral, Lang::En) => "multi-line literal strings '''…'''",
            (Feature::BareDates, Lang::Vi) => {
                "ngày viết trần (hãy viết ngày dạng chuỗi: \"2025-07-01\")"
            }
            (Feature::BareDates, Lang::En) => "bare dates (write dates as strings: \"2025-07-01\")",
            (Feature::Exponents, Lang::Vi) => "số có số mũ (viết 12000, không viết 1.2e4)",
            (Feature::Exponents, Lang::En) => "numbers with exponents (write 12000, not 1.2e4)",
            (Feature::NonDecimal, Lang::Vi) => "số thập lục phân, bát phân và nhị phân",
            (Feature::NonDecimal, Lang::En) => "hexadecimal, octal and binary numbers",
        }
    }
}

impl TypeName {
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TypeName::String, Lang::Vi) => "một chuỗi văn bản",
            (TypeName::String, Lang::En) => "a string",
            (TypeName::Number, Lang::Vi) => "một số",
            (TypeName::Number, Lang::En) => "a number",
            (TypeName::WholeNumber, Lang::Vi) => "một số nguyên",
            (TypeName::WholeNumber, Lang::En) => "a whole number",
            (TypeName::DecimalNumber, Lang::Vi) => "một số thập phân",
            (TypeName::DecimalNumber, Lang::En) => "a decimal number",
            (TypeName::Bool, Lang::Vi) => "true hoặc false",
            (TypeName::Bool, Lang::En) => "true or false",
            (TypeName::Array, Lang::Vi) => "một mảng",
            (TypeName::Array, Lang::En) => "an array",
            (TypeName::Table, Lang::Vi) => "một bảng",
            (TypeName::Table, Lang::En) => "a table",
            (TypeName::TableArray, Lang::Vi) => "một danh sách bảng",
            (TypeName::TableArray, Lang::En) => "a list of tables",
            (TypeName::TextPair, Lang::Vi) => "một cặp văn bản { vi, en }",
            (TypeName::TextPair, Lang::En) => "a text pair { vi, en }",
            (TypeName::NameOrTextPair, Lang::Vi) => "một chuỗi hoặc một cặp văn bản { vi, en }",
            (TypeName::NameOrTextPair, Lang::En) => "a string or a text pair { vi, en }",
            (TypeName::NumberPair, Lang::Vi) => "hai số [tử số, mẫu số]",
            (TypeName::NumberPair, Lang::En) => "two numbers [numerator, denominator]",
        }
    }
}

impl RecordKind {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RecordKind::Document, Lang::Vi) => "văn bản",
            (RecordKind::Document, Lang::En) => "document",
            (RecordKind::Statement, Lang::Vi) => "mục tiêu bằng lời",
            (RecordKind::Statement, Lang::En) => "statement",
            (RecordKind::TaskArea, Lang::Vi) => "nhóm nhiệm vụ",
            (RecordKind::TaskArea, Lang::En) => "task area",
            (RecordKind::Territory, Lang::Vi) => "địa bàn",
            (RecordKind::Territory, Lang::En) => "territory",
            (RecordKind::Source, Lang::Vi) => "nguồn",
            (RecordKind::Source, Lang::En) => "source",
            (RecordKind::Indicator, Lang::Vi) => "chỉ số",
            (RecordKind::Indicator, Lang::En) => "indicator",
            (RecordKind::Target, Lang::Vi) => "chỉ tiêu",
            (RecordKind::Target, Lang::En) => "target",
            (RecordKind::Method, Lang::Vi) => "phương pháp",
            (RecordKind::Method, Lang::En) => "method",
            (RecordKind::Reference, Lang::Vi) => "giá trị tham chiếu",
            (RecordKind::Reference, Lang::En) => "reference",
        }
    }
}

impl Diagnostic {
    pub fn error(location: Location, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            location,
            problem,
        }
    }

    pub fn warning(location: Location, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            location,
            problem,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One line in the compiler style: `file:line:col: error[code] path: message`. The whole
    /// line is escaped: a file name or a key written with control characters prints as `\u{1B}`.
    pub fn render(&self, lang: Lang) -> String {
        let severity = match (self.severity, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        let loc = &self.location;
        let path = if loc.path.is_empty() {
            String::new()
        } else {
            format!(" {}:", loc.path)
        };
        let line = format!(
            "{}:{}:{}: {severity}[{}]{path} {}",
            loc.file,
            loc.line,
            loc.column,
            self.problem.code(),
            self.problem.message(lang)
        );
        escape_invisible(&line).into_owned()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}
