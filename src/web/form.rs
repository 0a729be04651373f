//! What an HTML form re-displays: the values typed and an error next to each field.

use crate::services::FieldErrors;

#[derive(Clone, Debug, Default)]
pub struct FormState {
    pub values: Vec<(&'static str, String)>,
    pub errors: FieldErrors,
    /// A message about the whole form (Fluent id), e.g. wrong credentials.
    pub notice: Option<&'static str>,
    /// A success message (Fluent id).
    pub success: Option<&'static str>,
}

impl FormState {
    pub fn with_value(mut self, field: &'static str, value: &str) -> FormState {
        self.values.push((field, value.to_owned()));
        self
    }

    pub fn with_errors(mut self, errors: FieldErrors) -> FormState {
        self.errors = errors;
        self
    }

    pub fn value(&self, field: &str) -> &str {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| *e)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.notice.is_some()
    }
}
