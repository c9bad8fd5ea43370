//! chitieu's pure core: the plan file format, validation, status arithmetic, scales and chart
//! drawing. It knows nothing about the DOM, the network or storage: it takes text and returns values.

#[cfg(feature = "chart")]
pub mod chart;
pub mod describe;
pub mod diagnostic;
#[cfg(feature = "chart")]
pub mod embed;
pub mod export;
pub mod history;
pub mod i18n;
pub mod number;
pub mod order;
pub mod plan;
#[cfg(feature = "chart")]
pub mod query;
pub mod status;
pub mod summary;
pub mod text;
pub mod verdict;
#[cfg(feature = "chart")]
pub mod view;
