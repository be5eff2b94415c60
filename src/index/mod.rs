//! Index: what many analysed stories say together — related stories and the
//! actors they share.
//!
//! | module | gives |
//! |---|---|
//! | [`terms`] | content words of a text, lower-cased and lightly stemmed |
//! | [`vectors`] | idf-weighted sparse vectors, cosines and an inverted index |
//! | [`latent`] | the same vectors in a few latent topics (LSA, randomized SVD) |
//! | [`related`] | each story's related stories, best first, and why |
//! | [`actors`] | every actor of the briefing with its stories and statements |

pub mod actors;
pub mod latent;
pub mod related;
pub mod terms;
pub mod vectors;
