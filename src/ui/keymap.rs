//! Keys are data: the default keymap is TOML embedded in the binary, a user's
//! `[[bind]]` entries are merged over it, and every entry carries the
//! description the help overlay shows, so help cannot drift from the keys.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Spanned;

use super::action::Action;
use super::config::ConfigError;

/// The default keymap, embedded so an installed binary needs no files.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One binding as written in a keymap file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    /// Key names: "j", "ctrl-d", "pagedown", "space", "?", …
    pub keys: Vec<Spanned<String>>,
    /// The action's snake_case name.
    pub action: Spanned<String>,
    /// What the help overlay says about it.
    #[serde(default)]
    pub desc: String,
}

/// The `[[bind]]` list of a keymap or config file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct KeymapFile {
    /// Bindings, in the order they are listed.
    #[serde(default)]
    pub bind: Vec<Binding>,
}

/// A key press normalised so that lookups ignore how the terminal reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
    alt: bool,
}

impl Key {
    /// The key of a crossterm event (shift is folded into the character).
    pub fn from_event(event: KeyEvent) -> Self {
        let code = match event.code {
            KeyCode::Char(c) => KeyCode::Char(c),
            KeyCode::BackTab => KeyCode::Tab,
            other => other,
        };
        Self {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parse a key name such as "j", "G", "ctrl-d", "pagedown", "space".
    pub fn parse(name: &str) -> Option<Self> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = name;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            _ if rest.chars().count() == 1 => KeyCode::Char(rest.chars().next()?),
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok()?),
            _ => return None,
        };
        Some(Self { code, ctrl, alt })
    }
}

/// Keys → actions, with the descriptions for help.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    actions: HashMap<Key, Action>,
    /// (key names, action, description) in listing order, for the help overlay.
    pub entries: Vec<(Vec<String>, Action, String)>,
}

impl Keymap {
    /// The built-in keymap alone.
    pub fn default_keymap() -> Self {
        let mut keymap = Self::default();
        let file: KeymapFile = toml::from_str(DEFAULT_KEYMAP).unwrap_or_default();
        let errors = keymap.merge(&file.bind, "built-in keymap", DEFAULT_KEYMAP);
        debug_assert!(errors.is_empty(), "{errors:?}");
        keymap
    }

    /// Add `bindings` over the current ones: a key bound again moves to its new
    /// action. Returns one error per binding that names an unknown action or key.
    pub fn merge(&mut self, bindings: &[Binding], file: &str, source: &str) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        for binding in bindings {
            let name = binding.action.get_ref();
            let action: Action = match toml::Value::String(name.clone()).try_into() {
                Ok(action) => action,
                Err(_) => {
                    let message = format!("unknown action '{name}'; this binding is ignored");
                    errors.push(ConfigError::at(
                        file,
                        source,
                        binding.action.span().start,
                        message,
                    ));
                    continue;
                }
            };
            let mut keys = Vec::new();
            for name in &binding.keys {
                match Key::parse(name.get_ref()) {
                    Some(key) => keys.push((name.get_ref().clone(), key)),
                    None => {
                        let message = format!("unknown key '{}'; it is ignored", name.get_ref());
                        errors.push(ConfigError::at(file, source, name.span().start, message));
                    }
                }
            }
            for (_, key) in &keys {
                self.actions.insert(*key, action);
                for entry in &mut self.entries {
                    entry.0.retain(|n| Key::parse(n) != Some(*key));
                }
            }
            let names: Vec<String> = keys.into_iter().map(|(n, _)| n).collect();
            match self.entries.iter_mut().find(|e| e.1 == action) {
                Some(entry) => {
                    entry.0.extend(names);
                    if !binding.desc.is_empty() {
                        entry.2 = binding.desc.clone();
                    }
                }
                None => self.entries.push((names, action, binding.desc.clone())),
            }
        }
        self.entries.retain(|e| !e.0.is_empty());
        errors
    }

    /// The action bound to this key press, if any.
    pub fn action(&self, event: KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        self.actions.get(&key).copied()
    }

    /// The key names bound to `action`, for hints in the status line.
    pub fn keys_for(&self, action: Action) -> &[String] {
        self.entries
            .iter()
            .find(|e| e.1 == action)
            .map_or(&[], |e| e.0.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_action_has_a_default_key_and_description() {
        let keymap = Keymap::default_keymap();
        for action in Action::ALL {
            let entry = keymap.entries.iter().find(|e| e.1 == action);
            let entry = entry.unwrap_or_else(|| panic!("{action:?} has no key"));
            assert!(!entry.2.is_empty(), "{action:?} has no description");
        }
    }

    #[test]
    fn less_and_vim_keys() {
        let keymap = Keymap::default_keymap();
        let none = KeyModifiers::NONE;
        assert_eq!(
            keymap.action(press(KeyCode::Char('j'), none)),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Down, none)),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char(' '), none)),
            Some(Action::PageDown)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn user_binding_replaces_the_default_for_that_key() {
        let mut keymap = Keymap::default_keymap();
        let source = "[[bind]]\nkeys = [\"j\"]\naction = \"page_down\"\n";
        let user: KeymapFile = toml::from_str(source).unwrap();
        assert!(keymap.merge(&user.bind, "user.toml", source).is_empty());
        assert_eq!(
            keymap.action(press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::PageDown)
        );
        assert!(
            !keymap
                .keys_for(Action::ScrollDown)
                .contains(&"j".to_string())
        );
        assert!(keymap.keys_for(Action::PageDown).contains(&"j".to_string()));
    }

    #[test]
    fn unknown_action_and_key_are_reported() {
        let mut keymap = Keymap::default_keymap();
        let source = "[[bind]]\nkeys = [\"x\"]\naction = \"fly\"\n\n[[bind]]\nkeys = [\"hyper-q\"]\naction = \"quit\"\n";
        let user: KeymapFile = toml::from_str(source).unwrap();
        let errors = keymap.merge(&user.bind, "user.toml", source);
        assert_eq!(errors.len(), 2);
        assert_eq!(
            errors[0].to_string(),
            "user.toml:3:10: unknown action 'fly'; this binding is ignored"
        );
        assert_eq!(errors[1].line, 6);
        assert!(errors[1].message.contains("unknown key 'hyper-q'"));
    }
}
