//! Index: what many analysed stories say together — related stories and the
//! actors they share.

pub mod related;
