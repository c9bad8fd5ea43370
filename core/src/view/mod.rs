//! What each screen shows, computed without the DOM: the widget's state and its reducer, the
//! overview (headline, tally, status strip), the indicator panel (headline, comparable figure,
//! chart, summary, targets, tables), the readout of a focused point and the notices. The Yew
//! layer only displays these; the downloads and the pre-rendered pages use the same functions.

pub mod badge;
pub mod compare;
pub mod notice;
pub mod overview;
pub mod panel;
pub mod state;
pub mod tooltip;
pub mod words;

pub use crate::chart::legend::LayerKey as Layer;
pub use badge::{Badge, Outcome};
pub use notice::notice_text;
pub use overview::{overview, Overview, StripRow};
pub use panel::{panel, readout, Panel, Readout};
pub use state::{Action, PeriodChoice, State, Step};
