//! Loading articles.
