//! A compact binary form of a validated [`Plan`], for embedding.
//!
//! So the widget can ship its plan pre-validated: the build checks the TOML file with the full
//! text validator and encodes the resulting `Plan` here (native code), and the browser only
//! decodes it, so the TOML parser and the validator need not be in its wasm. The validator still runs at build time and
//! on files opened with `?plan=`.
//!
//! Format: `b"CTP"`, a version byte (5), the byte lengths of three sections (varints), then four
//! sections: the structure, the Vietnamese texts, the English texts, and every other string
//! (ids, numbers of documents, publishers' names, titles, URLs). The structure holds the plan, every
//! field of every struct in declaration order: unsigned integers and lengths are LEB128 varints,
//! `i32` is zigzag then LEB128, `f64` is 8 bytes little-endian, `bool` and `u8` one byte, a string
//! its byte length (its UTF-8 bytes are next in their own section), an `Option` a 0/1 byte then
//! the value, a `Vec` its count then the items, an enum a tag byte (its variant's position) then
//! the variant's fields. Keeping like text with like is what makes it compress: brotli sees one
//! language at a time, not numbers and two languages interleaved. Anything malformed (including
//! a section not read to its end) is a [`DecodeError`].

use super::*;

const MAGIC: &[u8; 3] = b"CTP";
/// The format version this code reads and writes (4: issue 12's shapes, ranges, methods and
/// target sources with issue 14's short names, formulas, references, verdicts and tallies; 5: a
/// source's publisher in each language).
pub const VERSION: u8 = 5;

/// The string sections, in the order they follow the structure.
const VI: usize = 0;
const EN: usize = 1;
const OTHER: usize = 2;

/// Why the bytes are not a plan, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    pub what: &'static str,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "plan data: byte {}: {}", self.offset, self.what)
    }
}

/// The plan's bytes; the same plan always gives the same bytes.
pub fn encode(p: &Plan) -> Vec<u8> {
    let mut w = Writer::default();
    let m = &p.meta;
    w.str(&m.id);
    w.text(&m.title);
    w.option(&m.short_title, Writer::text);
    w.text(&m.issuer);
    w.text(&m.territory);
    w.i32(m.start);
    w.i32(m.end);
    w.i32(m.baseline_year);
    w.vec(&m.periods, |w, it| w.period(*it));
    w.vec(&m.documents, |w, it| w.str(it));
    w.option(&m.note, Writer::text);
    w.vec(&p.documents, |w, it| {
        w.str(&it.id);
        w.str(&it.number);
        w.option(&it.short, Writer::text);
        w.text(&it.issuer);
        w.option(&it.date, Writer::date);
        w.text(&it.title);
        w.option(&it.url, |w, s| w.str(s));
    });
    w.vec(&p.statements, |w, it| {
        w.str(&it.id);
        w.byte(it.kind as u8);
        w.i32(it.year);
        w.str(&it.document);
        w.text(&it.text);
    });
    w.vec(&p.task_areas, |w, it| {
        w.str(&it.id);
        w.varint(it.number);
        w.text(&it.title);
        w.option(&it.document, |w, s| w.str(s));
    });
    w.vec(&p.territories, |w, it| {
        w.str(&it.id);
        w.text(&it.name);
        w.option(&it.short, Writer::text);
        w.option(&it.from, Writer::date);
        w.option(&it.until, Writer::date);
    });
    w.vec(&p.series_breaks, |w, it| {
        w.byte(it.kind as u8);
        w.date(&it.date);
        w.str(&it.before);
        w.str(&it.after);
        w.vec(&it.indicators, |w, s| w.str(s));
        w.text(&it.title);
        w.text(&it.note);
    });
    w.vec(&p.sources, |w, it| {
        w.str(&it.id);
        // A name (the same in both languages) once, with the other strings; a pair where the
        // two differ.
        if it.publisher.vi == it.publisher.en {
            w.byte(0);
            w.str(&it.publisher.vi);
        } else {
            w.byte(1);
            w.text(&it.publisher);
        }
        w.str(&it.title);
        w.str(&it.url);
        let published = match it.published {
            Published::Unknown => None,
            Published::On(date) => Some(date),
        };
        w.option(&published, Writer::date);
        w.byte(it.reliability as u8);
        w.option(&it.via, Writer::text);
    });
    w.vec(&p.indicators, |w, it| {
        w.str(&it.id);
        w.text(&it.name);
        w.text(&it.unit);
        w.byte(it.decimals);
        w.byte(it.direction as u8);
        w.byte(it.measure as u8);
        w.option(&it.task_area, |w, s| w.str(s));
        w.option(&it.definition, Writer::text);
        w.byte(u8::from(it.headline));
        w.option(&it.gaps, Writer::text);
    });
    w.vec(&p.targets, |w, it| {
        w.str(&it.id);
        w.str(&it.indicator);
        w.when(it.when);
        w.shape(&it.shape);
        w.byte(u8::from(it.every_year));
        w.str(&it.document);
        w.str(&it.territory);
        w.option(&it.source, |w, s| w.str(s));
        w.option(&it.text, Writer::text);
        w.option(&it.note, Writer::text);
    });
    w.vec(&p.observations, |w, it| {
        w.str(&it.indicator);
        w.when(it.when);
        w.f64(it.value);
        w.option(&it.upper, |w, x| w.f64(*x));
        w.byte(it.kind as u8);
        w.str(&it.territory);
        w.str(&it.source);
        w.option(&it.method, |w, s| w.str(s));
        w.option(&it.as_of, Writer::date);
        w.option(&it.qualifier, |w, q| w.byte(*q as u8));
        w.option(&it.derived, Writer::text);
        w.option(&it.formula, |w, f| {
            w.str(&f.input);
            w.f64(f.times);
            w.str(&f.divide_by);
        });
        w.option(&it.note, Writer::text);
        w.varint(it.line);
    });
    w.vec(&p.references, |w, it| {
        w.str(&it.id);
        w.text(&it.name);
        w.text(&it.unit);
        w.i32(it.year);
        w.f64(it.value);
        w.str(&it.source);
        w.option(&it.ratio, |w, (a, b)| {
            w.f64(*a);
            w.f64(*b);
        });
        w.option(&it.note, Writer::text);
    });
    w.vec(&p.verdicts, |w, it| {
        w.str(&it.target);
        w.byte(it.grade as u8);
        w.text(&it.word);
        w.text(&it.quote);
        w.text(&it.report);
        w.str(&it.source);
        w.date(&it.date);
        w.option(&it.note, Writer::text);
    });
    w.vec(&p.tallies, |w, it| {
        w.str(&it.document);
        w.str(&it.territory);
        w.when(it.when);
        w.varint(it.of);
        w.vec(&it.counts, |w, c| {
            w.byte(c.grade as u8);
            w.text(&c.word);
            w.varint(c.count);
        });
        w.text(&it.quote);
        w.text(&it.report);
        w.str(&it.source);
        w.date(&it.date);
        w.option(&it.note, Writer::text);
    });
    w.finish()
}

/// The plan `encode` wrote, or the first problem found in the bytes. Never panics, and allocates no
/// more than the data's size warrants.
pub fn decode(bytes: &[u8]) -> Result<Plan, DecodeError> {
    let mut r = Reader {
        bytes,
        pos: 0,
        end: bytes.len(),
        strings: [(0, 0); 3],
        error: None,
    };
    if r.take(3) != MAGIC {
        r.fail(0, "not chitieu plan data");
    } else if r.byte() != VERSION {
        r.fail(3, "unsupported format version");
    }
    let lengths = [r.varint(), r.varint(), r.varint()].map(|n| n as usize);
    let mut at = r.pos;
    let mut sections = [(0, 0); 4];
    for (index, length) in lengths.into_iter().map(Some).chain([None]).enumerate() {
        let end = length.map_or(Some(bytes.len()), |n| at.checked_add(n));
        match end.filter(|end| *end <= bytes.len()) {
            Some(end) => sections[index] = (at, end),
            None => r.fail(4, "section longer than the data"),
        }
        at = sections[index].1;
    }
    if r.error.is_none() {
        r.end = sections[0].1;
        r.strings = [sections[1], sections[2], sections[3]];
    }
    let plan = Plan {
        meta: PlanMeta {
            id: r.string(),
            title: r.text(),
            short_title: r.option(Reader::text),
            issuer: r.text(),
            territory: r.text(),
            start: r.i32(),
            end: r.i32(),
            baseline_year: r.i32(),
            periods: r.vec(Reader::period),
            documents: r.vec(Reader::string),
            note: r.option(Reader::text),
        },
        documents: r.vec(|r| Document {
            id: r.string(),
            number: r.string(),
            short: r.option(Reader::text),
            issuer: r.text(),
            date: r.option(Reader::date),
            title: r.text(),
            url: r.option(Reader::string),
        }),
        statements: r.vec(|r| Statement {
            id: r.string(),
            kind: [StatementKind::Goal, StatementKind::Vision][r.tag(2)],
            year: r.i32(),
            document: r.string(),
            text: r.text(),
        }),
        task_areas: r.vec(|r| TaskArea {
            id: r.string(),
            number: r.varint(),
            title: r.text(),
            document: r.option(Reader::string),
        }),
        territories: r.vec(|r| Territory {
            id: r.string(),
            name: r.text(),
            short: r.option(Reader::text),
            from: r.option(Reader::date),
            until: r.option(Reader::date),
        }),
        series_breaks: r.vec(|r| SeriesBreak {
            kind: [BreakKind::Territory, BreakKind::Method][r.tag(2)],
            date: r.date(),
            before: r.string(),
            after: r.string(),
            indicators: r.vec(Reader::string),
            title: r.text(),
            note: r.text(),
        }),
        sources: r.vec(|r| Source {
            id: r.string(),
            publisher: match r.tag(2) {
                0 => {
                    let name = r.string();
                    Text::new(name.clone(), name)
                }
                _ => r.text(),
            },
            title: r.string(),
            url: r.string(),
            published: match r.option(Reader::date) {
                None => Published::Unknown,
                Some(date) => Published::On(date),
            },
            reliability: [Reliability::Low, Reliability::Normal][r.tag(2)],
            via: r.option(Reader::text),
        }),
        indicators: r.vec(|r| Indicator {
            id: r.string(),
            name: r.text(),
            unit: r.text(),
            decimals: r.byte(),
            direction: [Direction::Higher, Direction::Lower][r.tag(2)],
            measure: [
                Measure::Level,
                Measure::Rate,
                Measure::Count,
                Measure::Share,
                Measure::Ratio,
            ][r.tag(5)],
            task_area: r.option(Reader::string),
            definition: r.option(Reader::text),
            headline: r.tag(2) == 1,
            gaps: r.option(Reader::text),
        }),
        targets: r.vec(|r| Target {
            id: r.string(),
            indicator: r.string(),
            when: r.when(),
            shape: r.shape(),
            every_year: r.tag(2) == 1,
            document: r.string(),
            territory: r.string(),
            source: r.option(Reader::string),
            text: r.option(Reader::text),
            note: r.option(Reader::text),
        }),
        observations: r.vec(|r| Observation {
            indicator: r.string(),
            when: r.when(),
            value: r.f64(),
            upper: r.option(Reader::f64),
            kind: [
                ObservationKind::Derived,
                ObservationKind::Reported,
                ObservationKind::Estimate,
                ObservationKind::Preliminary,
                ObservationKind::Official,
            ][r.tag(5)],
            territory: r.string(),
            source: r.string(),
            method: r.option(Reader::string),
            as_of: r.option(Reader::date),
            qualifier: r
                .option(|r| [Qualifier::About, Qualifier::Over, Qualifier::Under][r.tag(3)]),
            derived: r.option(Reader::text),
            formula: r.option(|r| Formula {
                input: r.string(),
                times: r.f64(),
                divide_by: r.string(),
            }),
            note: r.option(Reader::text),
            line: r.varint(),
        }),
        references: r.vec(|r| Reference {
            id: r.string(),
            name: r.text(),
            unit: r.text(),
            year: r.i32(),
            value: r.f64(),
            source: r.string(),
            ratio: r.option(|r| (r.f64(), r.f64())),
            note: r.option(Reader::text),
        }),
        verdicts: r.vec(|r| OfficialVerdict {
            target: r.string(),
            grade: Grade::ALL[r.tag(7)],
            word: r.text(),
            quote: r.text(),
            report: r.text(),
            source: r.string(),
            date: r.date(),
            note: r.option(Reader::text),
        }),
        tallies: r.vec(|r| OfficialTally {
            document: r.string(),
            territory: r.string(),
            when: r.when(),
            of: r.varint(),
            counts: r.vec(|r| TallyCount {
                grade: Grade::ALL[r.tag(7)],
                word: r.text(),
                count: r.varint(),
            }),
            quote: r.text(),
            report: r.text(),
            source: r.string(),
            date: r.date(),
            note: r.option(Reader::text),
        }),
    };
    if r.pos != r.end || r.strings.iter().any(|(pos, end)| pos != end) {
        r.fail(r.pos, "trailing bytes after the plan");
    }
    match r.error {
        Some(error) => Err(error),
        None => Ok(plan),
    }
}

#[derive(Default)]
struct Writer {
    structure: Vec<u8>,
    strings: [Vec<u8>; 3],
}

impl Writer {
    fn finish(self) -> Vec<u8> {
        let mut out = Writer::default();
        out.structure.extend_from_slice(MAGIC);
        out.byte(VERSION);
        out.len(self.structure.len());
        out.len(self.strings[VI].len());
        out.len(self.strings[EN].len());
        let mut bytes = out.structure;
        bytes.extend_from_slice(&self.structure);
        for section in &self.strings {
            bytes.extend_from_slice(section);
        }
        bytes
    }

    fn byte(&mut self, byte: u8) {
        self.structure.push(byte);
    }

    fn varint(&mut self, mut n: u32) {
        while n >= 0x80 {
            self.byte(n as u8 | 0x80);
            n >>= 7;
        }
        self.byte(n as u8);
    }

    fn i32(&mut self, n: i32) {
        self.varint(((n << 1) ^ (n >> 31)) as u32);
    }

    fn f64(&mut self, x: f64) {
        self.structure.extend_from_slice(&x.to_le_bytes());
    }

    fn len(&mut self, len: usize) {
        self.varint(u32::try_from(len).expect("plan data: length over 4 GiB"));
    }

    fn str(&mut self, s: &str) {
        self.str_in(OTHER, s);
    }

    fn str_in(&mut self, section: usize, s: &str) {
        self.len(s.len());
        self.strings[section].extend_from_slice(s.as_bytes());
    }

    fn option<T>(&mut self, value: &Option<T>, write: impl FnOnce(&mut Self, &T)) {
        self.byte(u8::from(value.is_some()));
        if let Some(value) = value {
            write(self, value);
        }
    }

    fn vec<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.len(items.len());
        for item in items {
            write(self, item);
        }
    }

    fn text(&mut self, text: &Text) {
        self.str_in(VI, &text.vi);
        self.str_in(EN, &text.en);
    }

    fn period(&mut self, period: Period) {
        self.i32(period.first);
        self.i32(period.last);
    }

    fn date(&mut self, date: &PartialDate) {
        self.i32(date.year);
        self.option(&date.month, |w, m| w.byte(*m));
        self.option(&date.day, |w, d| w.byte(*d));
    }

    fn when(&mut self, when: When) {
        match when {
            When::Year(year) => {
                self.byte(0);
                self.i32(year);
            }
            When::Period(period) => {
                self.byte(1);
                self.period(period);
            }
        }
    }

    /// A tag byte (the variant's position in `TargetShape`'s declaration), then its numbers.
    fn shape(&mut self, shape: &TargetShape) {
        match *shape {
            TargetShape::Exact(x) => self.tagged(0, &[x]),
            TargetShape::AtLeast(x) => self.tagged(1, &[x]),
            TargetShape::AtMost(x) => self.tagged(2, &[x]),
            TargetShape::Above(x) => self.tagged(3, &[x]),
            TargetShape::Below(x) => self.tagged(4, &[x]),
            TargetShape::Range { min, max } => self.tagged(5, &[min, max]),
            TargetShape::About { value, tolerance } => self.tagged(6, &[value, tolerance]),
            TargetShape::Average { min, max } => {
                self.byte(7);
                self.option(&min, |w, x| w.f64(*x));
                self.option(&max, |w, x| w.f64(*x));
            }
            TargetShape::YearlyChange { min, max } => {
                self.byte(8);
                self.option(&min, |w, x| w.f64(*x));
                self.option(&max, |w, x| w.f64(*x));
            }
            TargetShape::EssentiallyNone { threshold } => self.tagged(9, &[threshold]),
            TargetShape::Text => self.byte(10),
        }
    }

    fn tagged(&mut self, tag: u8, numbers: &[f64]) {
        self.byte(tag);
        for x in numbers {
            self.f64(*x);
        }
    }
}

/// Reads the data front to back. After the first error it keeps only that error, jumps to the
/// end and hands out defaults, so the decoder reads straight through without early returns (whose
/// clean-up of half-built records would cost code size in the wasm).
struct Reader<'a> {
    bytes: &'a [u8],
    /// Where the structure is read, and where it ends.
    pos: usize,
    end: usize,
    /// Position and end of each string section.
    strings: [(usize, usize); 3],
    error: Option<DecodeError>,
}

impl<'a> Reader<'a> {
    fn fail(&mut self, offset: usize, what: &'static str) {
        self.error.get_or_insert(DecodeError { offset, what });
        self.pos = self.end;
    }

    /// `n` bytes, or none at the end of the data.
    fn take(&mut self, n: usize) -> &'a [u8] {
        let rest = &self.bytes[self.pos..self.end];
        if n > rest.len() {
            self.fail(self.end, "unexpected end of data");
            return &[];
        }
        self.pos += n;
        &rest[..n]
    }

    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(0)
    }

    /// A tag byte below `count`, as an index into the variants.
    fn tag(&mut self, count: u8) -> usize {
        let tag = self.byte();
        if tag < count {
            return usize::from(tag);
        }
        self.fail(self.pos - 1, "unknown tag");
        0
    }

    fn varint(&mut self) -> u32 {
        let start = self.pos;
        let mut n: u64 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte();
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                if let Ok(n) = u32::try_from(n) {
                    return n;
                }
                break;
            }
        }
        self.fail(start, "number too large");
        0
    }

    fn i32(&mut self) -> i32 {
        let n = self.varint();
        (n >> 1) as i32 ^ -((n & 1) as i32)
    }

    fn f64(&mut self) -> f64 {
        <[u8; 8]>::try_from(self.take(8)).map_or(0.0, f64::from_le_bytes)
    }

    /// A count or a length: never more than the bytes left, since every item takes at least one.
    fn len(&mut self) -> usize {
        let start = self.pos;
        let len = self.varint() as usize;
        if len <= self.end - self.pos {
            return len;
        }
        self.fail(start, "count larger than the data");
        0
    }

    fn string(&mut self) -> String {
        self.string_in(OTHER)
    }

    /// A string whose length is in the structure and whose bytes are next in `section`.
    fn string_in(&mut self, section: usize) -> String {
        let len = self.varint() as usize;
        let (pos, end) = self.strings[section];
        if self.error.is_some() {
            return String::new();
        }
        if len > end - pos {
            self.fail(pos, "string longer than its section");
            return String::new();
        }
        self.strings[section].0 = pos + len;
        if let Ok(s) = std::str::from_utf8(&self.bytes[pos..pos + len]) {
            return s.to_owned();
        }
        self.fail(pos, "invalid UTF-8");
        String::new()
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> Option<T> {
        (self.tag(2) == 1).then(|| read(self))
    }

    fn vec<T>(&mut self, mut read: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let count = self.len();
        (0..count).map(|_| read(self)).collect()
    }

    fn text(&mut self) -> Text {
        Text {
            vi: self.string_in(VI),
            en: self.string_in(EN),
        }
    }

    fn period(&mut self) -> Period {
        Period {
            first: self.i32(),
            last: self.i32(),
        }
    }

    fn date(&mut self) -> PartialDate {
        PartialDate {
            year: self.i32(),
            month: self.option(Reader::byte),
            day: self.option(Reader::byte),
        }
    }

    fn when(&mut self) -> When {
        if self.tag(2) == 0 {
            When::Year(self.i32())
        } else {
            When::Period(self.period())
        }
    }

    fn shape(&mut self) -> TargetShape {
        match self.tag(11) {
            0 => TargetShape::Exact(self.f64()),
            1 => TargetShape::AtLeast(self.f64()),
            2 => TargetShape::AtMost(self.f64()),
            3 => TargetShape::Above(self.f64()),
            4 => TargetShape::Below(self.f64()),
            5 => TargetShape::Range {
                min: self.f64(),
                max: self.f64(),
            },
            6 => TargetShape::About {
                value: self.f64(),
                tolerance: self.f64(),
            },
            7 => TargetShape::Average {
                min: self.option(Reader::f64),
                max: self.option(Reader::f64),
            },
            8 => TargetShape::YearlyChange {
                min: self.option(Reader::f64),
                max: self.option(Reader::f64),
            },
            9 => TargetShape::EssentiallyNone {
                threshold: self.f64(),
            },
            _ => TargetShape::Text,
        }
    }
}
