//! The status as a reader sees it: one word, one glyph and one colour class per outcome, so that
//! colour is never the only signal and "missed at the deadline" never looks like "behind".

use crate::status::{Assessment, Reason, Status};
use crate::text::Lang;

/// What a badge shows. `Missed` is a final `OffTrack`: the deadline passed and the target was
/// not met; it has a word and a glyph of its own. A deadline that has passed with its figures
/// not all in is no longer a question of pace: "on track" there reads `LikelyMet`, "behind" or
/// "far behind" reads `LikelyMissed`, until the last figures settle it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Exceeded,
    Achieved,
    LikelyMet,
    OnTrack,
    AtRisk,
    OffTrack,
    LikelyMissed,
    Missed,
    NotAssessable,
    NoData,
}

impl Outcome {
    /// Every outcome in display order, best first: the key lists exactly these.
    pub const ALL: [Outcome; 10] = [
        Outcome::Exceeded,
        Outcome::Achieved,
        Outcome::LikelyMet,
        Outcome::OnTrack,
        Outcome::AtRisk,
        Outcome::OffTrack,
        Outcome::LikelyMissed,
        Outcome::Missed,
        Outcome::NotAssessable,
        Outcome::NoData,
    ];

    pub fn of(assessment: &Assessment) -> Outcome {
        let overdue = assessment
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::AwaitingFinal { .. }));
        match (assessment.status, assessment.is_final, overdue) {
            (Status::Exceeded, ..) => Outcome::Exceeded,
            (Status::Achieved, ..) => Outcome::Achieved,
            (Status::OnTrack, _, true) => Outcome::LikelyMet,
            (Status::OnTrack, _, false) => Outcome::OnTrack,
            (Status::AtRisk | Status::OffTrack, false, true) => Outcome::LikelyMissed,
            (Status::AtRisk, ..) => Outcome::AtRisk,
            (Status::OffTrack, true, _) => Outcome::Missed,
            (Status::OffTrack, false, false) => Outcome::OffTrack,
            (Status::NotAssessable, ..) => Outcome::NotAssessable,
            (Status::NoData, ..) => Outcome::NoData,
        }
    }

    /// Stable code for CSS classes and tests.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Exceeded => "exceeded",
            Outcome::Achieved => "achieved",
            Outcome::LikelyMet => "likely_met",
            Outcome::OnTrack => "on_track",
            Outcome::AtRisk => "at_risk",
            Outcome::OffTrack => "off_track",
            Outcome::LikelyMissed => "likely_missed",
            Outcome::Missed => "missed",
            Outcome::NotAssessable => "not_assessable",
            Outcome::NoData => "no_data",
        }
    }

    /// Short, neutral words: a status says where a figure stands, not who is to blame.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Exceeded, Lang::Vi) => "Vượt chỉ tiêu",
            (Outcome::Achieved, Lang::Vi) => "Đạt chỉ tiêu",
            (Outcome::LikelyMet, Lang::Vi) => "Có thể đạt",
            (Outcome::OnTrack, Lang::Vi) => "Đúng tiến độ",
            (Outcome::AtRisk, Lang::Vi) => "Chậm tiến độ",
            (Outcome::OffTrack, Lang::Vi) => "Còn xa chỉ tiêu",
            (Outcome::LikelyMissed, Lang::Vi) => "Có thể không đạt",
            (Outcome::Missed, Lang::Vi) => "Không đạt",
            (Outcome::NotAssessable, Lang::Vi) => "Chưa đánh giá được",
            (Outcome::NoData, Lang::Vi) => "Chưa có số liệu",
            (Outcome::Exceeded, Lang::En) => "Exceeded",
            (Outcome::Achieved, Lang::En) => "Met",
            (Outcome::LikelyMet, Lang::En) => "Probably met",
            (Outcome::OnTrack, Lang::En) => "On track",
            (Outcome::AtRisk, Lang::En) => "Behind",
            (Outcome::OffTrack, Lang::En) => "Far behind",
            (Outcome::LikelyMissed, Lang::En) => "Probably missed",
            (Outcome::Missed, Lang::En) => "Missed",
            (Outcome::NotAssessable, Lang::En) => "Cannot be judged yet",
            (Outcome::NoData, Lang::En) => "No data",
        }
    }

    /// A glyph beside the word. Filled, half and empty circles read as more or less progress;
    /// the two verdicts at the deadline (met, missed) get a tick and a cross.
    pub fn symbol(self) -> &'static str {
        match self {
            Outcome::Exceeded => "★",
            Outcome::Achieved => "✔",
            Outcome::LikelyMet => "✓",
            Outcome::OnTrack => "●",
            Outcome::AtRisk => "◐",
            Outcome::OffTrack => "○",
            Outcome::LikelyMissed => "✗",
            Outcome::Missed => "✖",
            Outcome::NotAssessable => "?",
            Outcome::NoData => "–",
        }
    }

    /// What the key says each outcome means, in a few words.
    pub fn meaning(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Exceeded, Lang::Vi) => "đã đạt, vượt mức đề ra",
            (Outcome::Achieved, Lang::Vi) => "đã đạt",
            (Outcome::LikelyMet, Lang::Vi) => {
                "đã hết hạn, số liệu cuối chưa đủ; theo số đã có thì đạt"
            }
            (Outcome::OnTrack, Lang::Vi) => "chưa đạt, nhưng theo nhịp hiện nay sẽ đạt đúng hạn",
            (Outcome::AtRisk, Lang::Vi) => "chưa đạt, nhịp hiện nay chưa đủ nhanh",
            (Outcome::OffTrack, Lang::Vi) => "chưa đạt, nhịp hiện nay còn rất xa mức cần",
            (Outcome::LikelyMissed, Lang::Vi) => {
                "đã hết hạn, số liệu cuối chưa đủ; theo số đã có thì không đạt"
            }
            (Outcome::Missed, Lang::Vi) => "đã hết hạn mà không đạt",
            (Outcome::NotAssessable, Lang::Vi) => "có số liệu nhưng chưa đủ để đánh giá",
            (Outcome::NoData, Lang::Vi) => "chưa tìm được số liệu đã công bố",
            (Outcome::Exceeded, Lang::En) => "met, beyond the level set",
            (Outcome::Achieved, Lang::En) => "met",
            (Outcome::LikelyMet, Lang::En) => {
                "the deadline has passed, the last figures are not in; those in say met"
            }
            (Outcome::OnTrack, Lang::En) => "not met yet; the current pace gets there in time",
            (Outcome::AtRisk, Lang::En) => "not met yet; the current pace is too slow",
            (Outcome::OffTrack, Lang::En) => "not met yet; the current pace is far too slow",
            (Outcome::LikelyMissed, Lang::En) => {
                "the deadline has passed, the last figures are not in; those in say missed"
            }
            (Outcome::Missed, Lang::En) => "the deadline has passed and it was not met",
            (Outcome::NotAssessable, Lang::En) => "figures exist but are not enough to judge",
            (Outcome::NoData, Lang::En) => "no published figure found yet",
        }
    }

    pub fn is_met(self) -> bool {
        matches!(self, Outcome::Exceeded | Outcome::Achieved)
    }
}

/// A status badge: outcome, words, glyph, and whether it rests on figures that are not final.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Badge {
    pub outcome: Outcome,
    pub label: &'static str,
    pub symbol: &'static str,
    /// "tạm tính" / "provisional": the status rests on estimates, reports or part-year figures.
    pub provisional: Option<&'static str>,
}

impl Badge {
    pub fn of(assessment: &Assessment, lang: Lang) -> Badge {
        let outcome = Outcome::of(assessment);
        let judged = !matches!(outcome, Outcome::NotAssessable | Outcome::NoData);
        Badge {
            outcome,
            label: outcome.label(lang),
            symbol: outcome.symbol(),
            provisional: (judged && assessment.is_provisional()).then_some(match lang {
                Lang::Vi => "tạm tính",
                Lang::En => "provisional",
            }),
        }
    }

    /// The badge as one phrase: "Không đạt (tạm tính)".
    pub fn text(&self) -> String {
        match self.provisional {
            Some(word) => format!("{} ({word})", self.label),
            None => self.label.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_has_its_own_word_and_glyph_in_each_language() {
        for lang in Lang::ALL {
            let mut words: Vec<&str> = Outcome::ALL.iter().map(|o| o.label(lang)).collect();
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), Outcome::ALL.len(), "{lang:?}");
        }
        let mut glyphs: Vec<&str> = Outcome::ALL.iter().map(|o| o.symbol()).collect();
        glyphs.sort_unstable();
        glyphs.dedup();
        assert_eq!(glyphs.len(), Outcome::ALL.len());
        // The word the desk found loaded is gone.
        assert!(Outcome::ALL
            .iter()
            .all(|o| !o.label(Lang::Vi).contains("Chệch")));
    }
}
