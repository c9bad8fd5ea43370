//! What the widget says about an address it could not fully use, in the reader's language.

use crate::i18n::{t, Ui};
use crate::query::Notice;
use crate::text::Lang;

pub fn notice_text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::UnknownParameter { name, suggestion } => match lang {
            Lang::Vi => format!(
                "{}: `{name}`. Có phải bạn muốn dùng `{suggestion}`?",
                t(Ui::UnknownParameter, lang)
            ),
            Lang::En => format!(
                "{}: `{name}`. Did you mean `{suggestion}`?",
                t(Ui::UnknownParameter, lang)
            ),
        },
        Notice::BadValue {
            name,
            value,
            allowed,
        } => {
            let shown: Vec<&str> = allowed.iter().take(12).map(String::as_str).collect();
            let more = if allowed.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            format!(
                "{}: {name}=`{value}`. {}: {}{more}",
                t(Ui::BadParameterValue, lang),
                t(Ui::Allowed, lang),
                shown.join(", ")
            )
        }
        Notice::ForeignPlan { value } => {
            format!("{}: `{value}`", t(Ui::ForeignPlanRefused, lang))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_is_answered_with_the_parameter_meant() {
        let notice = Notice::UnknownParameter {
            name: "indicatr".into(),
            suggestion: "indicator",
        };
        assert!(notice_text(&notice, Lang::En).ends_with("Did you mean `indicator`?"));
        assert!(notice_text(&notice, Lang::Vi).contains("`indicator`"));
    }
}
