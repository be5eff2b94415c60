//! Sanitize.
