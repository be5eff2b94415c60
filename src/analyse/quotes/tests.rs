//! Statement finder tests on short fixtures written for this project.

use super::*;
