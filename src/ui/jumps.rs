//! The jump list, as in vim: every jump records where the reader was, so it
//! can be undone (back) and redone (forward), across stories.

/// A place in the briefing: a story and the byte of its text shown at the
/// top, which survives re-wrapping at another width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Index of the story.
    pub story: usize,
    /// The first byte of that story's text at or below the top row.
    pub offset: usize,
    /// Rows (blank lines, headings) shown above that byte.
    pub lead: usize,
}

/// Places jumped from, with a cursor for going back and forward.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    places: Vec<Place>,
    /// Index of the place `back` returns to next; `places.len()` when at the newest.
    cursor: usize,
}

/// How many places are kept; the oldest go first.
const CAPACITY: usize = 100;

impl JumpList {
    /// Record `from` before a jump; forgets any places ahead of the cursor.
    pub fn push(&mut self, from: Place) {
        self.places.truncate(self.cursor);
        if self.places.last() != Some(&from) {
            self.places.push(from);
        }
        if self.places.len() > CAPACITY {
            self.places.remove(0);
        }
        self.cursor = self.places.len();
    }

    /// How many places are kept.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether no place is kept.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Keep the first `len` places: for a jump made of two steps (open a
    /// story, then go to a quote in it), whose middle place is not worth a stop.
    pub fn truncate(&mut self, len: usize) {
        if self.cursor == self.places.len() && len < self.places.len() {
            self.places.truncate(len);
            self.cursor = self.places.len();
        }
    }

    /// Where to go back to from `here`, if anywhere.
    pub fn back(&mut self, here: Place) -> Option<Place> {
        if self.cursor == 0 {
            return None;
        }
        if self.cursor == self.places.len() {
            // Remember where we are so forward can come back here.
            self.places.push(here);
        }
        self.cursor -= 1;
        self.places.get(self.cursor).copied()
    }

    /// Where to go forward to, after going back.
    pub fn forward(&mut self) -> Option<Place> {
        if self.cursor + 1 >= self.places.len() {
            return None;
        }
        self.cursor += 1;
        let place = self.places.get(self.cursor).copied();
        if self.cursor + 1 == self.places.len() {
            // Back at the newest place: it is where we are, not a place to return to.
            self.places.pop();
            self.cursor = self.places.len();
        }
        place
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(story: usize, offset: usize) -> Place {
        Place {
            story,
            offset,
            lead: 0,
        }
    }

    #[test]
    fn back_and_forward_retrace_jumps() {
        let mut jumps = JumpList::default();
        jumps.push(at(0, 0));
        jumps.push(at(0, 10));
        // Now at (1, 5).
        assert_eq!(jumps.back(at(1, 5)), Some(at(0, 10)));
        assert_eq!(jumps.back(at(0, 10)), Some(at(0, 0)));
        assert_eq!(jumps.back(at(0, 0)), None);
        assert_eq!(jumps.forward(), Some(at(0, 10)));
        assert_eq!(jumps.forward(), Some(at(1, 5)));
        assert_eq!(jumps.forward(), None);
    }

    #[test]
    fn a_new_jump_after_going_back_forgets_the_forward_places() {
        let mut jumps = JumpList::default();
        jumps.push(at(0, 0));
        jumps.push(at(0, 10));
        assert_eq!(jumps.back(at(0, 20)), Some(at(0, 10)));
        jumps.push(at(0, 10));
        assert_eq!(jumps.forward(), None);
        assert_eq!(jumps.back(at(0, 30)), Some(at(0, 10)));
    }

    #[test]
    fn empty_list_goes_nowhere() {
        let mut jumps = JumpList::default();
        assert_eq!(jumps.back(at(0, 0)), None);
        assert_eq!(jumps.forward(), None);
    }
}
