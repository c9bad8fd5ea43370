//! Located, human messages about a plan file. Parsing and validation never panic and never stop
//! at the first problem they can recover from: they collect `Diagnostic`s, each naming the file,
//! line, column and field path, and saying what was expected, in Vietnamese and English.

use crate::text::Lang;
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
    /// Field path such as `observation[12].value`; empty for syntax errors.
    pub path: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub problem: Problem,
}

/// What is wrong. Each variant is one stable code (see `code`), documented in docs/data-format.md.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Syntax {
        message: &'static str,
        found: String,
    },
    Unsupported {
        feature: &'static str,
    },
    DuplicateKey {
        key: String,
    },
    UnknownField {
        field: String,
        allowed: Vec<&'static str>,
    },
    MissingField {
        field: &'static str,
    },
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    NotOneOf {
        found: String,
        allowed: Vec<&'static str>,
    },
    MissingTranslation {
        lang: Lang,
    },
    EmptyText,
    BadId {
        id: String,
    },
    DuplicateId {
        kind: &'static str,
        id: String,
        first_line: u32,
    },
    UnknownReference {
        kind: &'static str,
        id: String,
    },
    BadUrl {
        url: String,
    },
    BadDate {
        text: String,
    },
    BadPeriod {
        text: String,
    },
    YearAndPeriod,
    NoYearOrPeriod,
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
    NotANumber,
    MinAboveMax {
        min: f64,
        max: f64,
    },
    FieldNotForShape {
        field: &'static str,
        shape: &'static str,
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
            Problem::UnknownField { .. } => "unknown-field",
            Problem::MissingField { .. } => "missing-field",
            Problem::WrongType { .. } => "wrong-type",
            Problem::NotOneOf { .. } => "not-allowed-value",
            Problem::MissingTranslation { .. } => "missing-translation",
            Problem::EmptyText => "empty-text",
            Problem::BadId { .. } => "bad-id",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::UnknownReference { .. } => "unknown-reference",
            Problem::BadUrl { .. } => "bad-url",
            Problem::BadDate { .. } => "bad-date",
            Problem::BadPeriod { .. } => "bad-period",
            Problem::YearAndPeriod => "year-and-period",
            Problem::NoYearOrPeriod => "no-year-or-period",
            Problem::OutsidePlan { .. } => "outside-plan",
            Problem::ShareAbove100 { .. } => "share-above-100",
            Problem::Negative { .. } => "negative-value",
            Problem::NotANumber => "not-a-number",
            Problem::MinAboveMax { .. } => "min-above-max",
            Problem::FieldNotForShape { .. } => "field-not-for-shape",
            Problem::BadFormatVersion { .. } => "bad-format-version",
            Problem::OutOfRange { .. } => "out-of-range",
            Problem::BadPlanYears { .. } => "bad-plan-years",
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

    /// The message for a reader, in the requested language.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let list = |items: &[&'static str]| {
            items
                .iter()
                .map(|it| format!("`{it}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Problem::Syntax { message, found } => {
                if vi {
                    format!("lỗi cú pháp: {} (gặp {found})", syntax_vi(message))
                } else {
                    format!("syntax error: {message} (found {found})")
                }
            }
            Problem::Unsupported { feature } => {
                if vi {
                    format!("cú pháp không được hỗ trợ: {feature}")
                } else {
                    format!("unsupported syntax: {feature}")
                }
            }
            Problem::DuplicateKey { key } => {
                if vi {
                    format!("khóa `{key}` được khai báo hai lần")
                } else {
                    format!("key `{key}` is defined twice")
                }
            }
            Problem::UnknownField { field, allowed } => {
                if vi {
                    format!(
                        "trường không xác định `{field}`; các trường hợp lệ: {}",
                        list(allowed)
                    )
                } else {
                    format!("unknown field `{field}`; allowed fields: {}", list(allowed))
                }
            }
            Problem::MissingField { field } => {
                if vi {
                    format!("thiếu trường bắt buộc `{field}`")
                } else {
                    format!("missing required field `{field}`")
                }
            }
            Problem::WrongType { expected, found } => {
                if vi {
                    format!("cần {}, nhưng gặp {}", type_vi(expected), type_vi(found))
                } else {
                    format!("expected {expected}, found {found}")
                }
            }
            Problem::NotOneOf { found, allowed } => {
                if vi {
                    format!(
                        "giá trị `{found}` không hợp lệ; chỉ nhận: {}",
                        list(allowed)
                    )
                } else {
                    format!(
                        "`{found}` is not allowed; expected one of: {}",
                        list(allowed)
                    )
                }
            }
            Problem::MissingTranslation { lang } => {
                let which = match (lang, vi) {
                    (Lang::Vi, true) => "tiếng Việt (`vi`)",
                    (Lang::En, true) => "tiếng Anh (`en`)",
                    (Lang::Vi, false) => "Vietnamese (`vi`)",
                    (Lang::En, false) => "English (`en`)",
                };
                if vi {
                    format!("thiếu bản {which}; mọi văn bản cần cả `vi` và `en`")
                } else {
                    format!("missing {which} text; every text needs both `vi` and `en`")
                }
            }
            Problem::EmptyText => {
                if vi {
                    "văn bản rỗng".into()
                } else {
                    "text is empty".into()
                }
            }
            Problem::BadId { id } => {
                if vi {
                    format!("mã `{id}` không hợp lệ: chỉ dùng chữ thường a–z, số, `-` và `_`")
                } else {
                    format!("id `{id}` is invalid: use lowercase a–z, digits, `-` and `_` only")
                }
            }
            Problem::DuplicateId {
                kind,
                id,
                first_line,
            } => {
                if vi {
                    format!("mã {kind} `{id}` bị trùng (đã dùng ở dòng {first_line})")
                } else {
                    format!("duplicate {kind} id `{id}` (first used on line {first_line})")
                }
            }
            Problem::UnknownReference { kind, id } => {
                if vi {
                    format!("không có {kind} nào mang mã `{id}`")
                } else {
                    format!("no {kind} has the id `{id}`")
                }
            }
            Problem::BadUrl { url } => {
                if vi {
                    format!("địa chỉ `{url}` không hợp lệ: cần bắt đầu bằng http:// hoặc https://")
                } else {
                    format!(
                        "`{url}` is not a valid address: it must start with http:// or https://"
                    )
                }
            }
            Problem::BadDate { text } => {
                if vi {
                    format!("ngày `{text}` không hợp lệ: cần dạng YYYY-MM-DD, YYYY-MM hoặc YYYY")
                } else {
                    format!("`{text}` is not a valid date: expected YYYY-MM-DD, YYYY-MM or YYYY")
                }
            }
            Problem::BadPeriod { text } => {
                if vi {
                    format!("giai đoạn `{text}` không hợp lệ: cần dạng \"2021-2025\" (năm đầu ≤ năm cuối)")
                } else {
                    format!("`{text}` is not a valid period: expected \"2021-2025\" (first ≤ last)")
                }
            }
            Problem::YearAndPeriod => {
                if vi {
                    "chỉ dùng một trong hai: `year` hoặc `period`".into()
                } else {
                    "give either `year` or `period`, not both".into()
                }
            }
            Problem::NoYearOrPeriod => {
                if vi {
                    "thiếu `year` hoặc `period`".into()
                } else {
                    "missing `year` or `period`".into()
                }
            }
            Problem::OutsidePlan { year, start, end } => {
                if vi {
                    format!("năm {year} nằm ngoài kế hoạch ({start}–{end})")
                } else {
                    format!("year {year} lies outside the plan ({start}–{end})")
                }
            }
            Problem::ShareAbove100 { value } => {
                if vi {
                    format!("tỉ lệ {value} vượt quá 100 %")
                } else {
                    format!("share {value} is above 100 %")
                }
            }
            Problem::Negative { value } => {
                if vi {
                    format!("giá trị {value} âm, nhưng chỉ tiêu này không thể âm")
                } else {
                    format!("value {value} is negative, but this indicator cannot be")
                }
            }
            Problem::NotANumber => {
                if vi {
                    "giá trị không phải là số hữu hạn".into()
                } else {
                    "value is not a finite number".into()
                }
            }
            Problem::MinAboveMax { min, max } => {
                if vi {
                    format!("`min` ({min}) lớn hơn `max` ({max})")
                } else {
                    format!("`min` ({min}) is greater than `max` ({max})")
                }
            }
            Problem::FieldNotForShape { field, shape } => {
                if vi {
                    format!("trường `{field}` không dùng cho dạng chỉ tiêu `{shape}`")
                } else {
                    format!("field `{field}` does not belong to shape `{shape}`")
                }
            }
            Problem::BadFormatVersion { found } => {
                if vi {
                    format!("phiên bản định dạng `{found}` không được hỗ trợ; cần `format = 1`")
                } else {
                    format!("format version `{found}` is not supported; expected `format = 1`")
                }
            }
            Problem::OutOfRange { value, min, max } => {
                if vi {
                    format!("giá trị {value} nằm ngoài khoảng cho phép {min}–{max}")
                } else {
                    format!("value {value} is outside the allowed range {min}–{max}")
                }
            }
            Problem::BadPlanYears { start, end } => {
                if vi {
                    format!("năm bắt đầu {start} sau năm kết thúc {end}")
                } else {
                    format!("start year {start} is after end year {end}")
                }
            }
            Problem::UnusedSource { id } => {
                if vi {
                    format!("nguồn `{id}` không được số liệu nào dùng đến")
                } else {
                    format!("source `{id}` is not used by any observation")
                }
            }
            Problem::TerritoryNotInTime { territory, year } => {
                if vi {
                    format!("địa bàn `{territory}` không tồn tại trong năm {year}")
                } else {
                    format!("territory `{territory}` did not exist in {year}")
                }
            }
            Problem::ArithmeticMismatch { value, computed } => {
                if vi {
                    format!(
                        "giá trị ghi {value} không khớp với phép tính đã nêu, cho ra {computed}"
                    )
                } else {
                    format!("the value written, {value}, does not match its stated arithmetic, which gives {computed}")
                }
            }
            Problem::FormulaInputMissing { indicator, source } => {
                if vi {
                    format!("không có số liệu `{indicator}` cùng năm, cùng địa bàn, cùng nguồn `{source}` để tính")
                } else {
                    format!("no `{indicator}` figure of the same year and territory from source `{source}` to compute from")
                }
            }
            Problem::DerivedWithoutFormula => {
                if vi {
                    "số suy ra (`kind = \"derived\"`) cần có `formula` nói rõ cách tính".into()
                } else {
                    "a derived value (`kind = \"derived\"`) needs a `formula` saying how it is computed".into()
                }
            }
            Problem::FormulaNotDerived => {
                if vi {
                    "có `formula` thì `kind` phải là \"derived\"".into()
                } else {
                    "an observation with a `formula` must have `kind = \"derived\"`".into()
                }
            }
            Problem::FormulaQualifier => {
                if vi {
                    "số suy ra phải mang đúng `qualifier` của số liệu đầu vào".into()
                } else {
                    "a derived value must carry exactly the `qualifier` of its input figure".into()
                }
            }
            Problem::ReferenceYear {
                reference,
                year,
                expected,
            } => {
                if vi {
                    format!("giá trị tham chiếu `{reference}` là của năm {year}, không phải năm {expected}")
                } else {
                    format!("reference `{reference}` is for {year}, not {expected}")
                }
            }
            Problem::TallyOverTotal { counted, of } => {
                if vi {
                    format!("đếm {counted} chỉ tiêu nhưng văn bản chỉ có {of}")
                } else {
                    format!("{counted} targets counted, but the document has only {of}")
                }
            }
        }
    }
}

fn type_vi(name: &str) -> &str {
    match name {
        "a string" => "một chuỗi văn bản",
        "a number" => "một số",
        "a whole number" => "một số nguyên",
        "true or false" => "true hoặc false",
        "an array" => "một mảng",
        "a table" => "một bảng",
        "a list of tables" => "một danh sách bảng",
        "a text pair { vi, en }" => "một cặp văn bản { vi, en }",
        other => other,
    }
}

fn syntax_vi(message: &str) -> &str {
    match message {
        "expected `=` after the key" => "cần dấu `=` sau khóa",
        "expected a key" => "cần một khóa",
        "expected a value" => "cần một giá trị",
        "expected the end of the line" => "cần xuống dòng sau giá trị",
        "unterminated string" => "chuỗi chưa được đóng bằng dấu nháy",
        "invalid escape in string" => "ký tự thoát không hợp lệ trong chuỗi",
        "invalid number" => "số không hợp lệ",
        "expected `,` or `]` in array" => "cần `,` hoặc `]` trong mảng",
        "expected `,` or `}` in inline table" => "cần `,` hoặc `}` trong bảng nội dòng",
        "expected `]` to close the table header" => "cần `]` để đóng tiêu đề bảng",
        "control character in string" => "ký tự điều khiển trong chuỗi",
        other => other,
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

    /// One line in the compiler style: `file:line:col: error[code] path: message`.
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
        format!(
            "{}:{}:{}: {severity}[{}]{path} {}",
            loc.file,
            loc.line,
            loc.column,
            self.problem.code(),
            self.problem.message(lang)
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}
