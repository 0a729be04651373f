//! Arguments of a message, in Convive's own type so that callers never name Fluent:
//! `&[("count", 3.into()), ("name", "Ana".into())]`. They become Fluent values only
//! when a message is formatted.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentValue};

/// One argument value: a text, or a number (plural rules and number formatting apply).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

/// Arguments of a message, by name.
pub type Args<'a> = [(&'a str, Arg<'a>)];

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

macro_rules! number_arg {
    ($($num:ty),*) => {$(
        impl From<$num> for Arg<'_> {
            fn from(n: $num) -> Self {
                // As Fluent converts numbers: a plain f64 with default options.
                Arg::Number(n as f64)
            }
        }
    )*};
}

number_arg!(i32, i64, u32, u64, usize, f64);

impl<'a> Arg<'a> {
    fn to_fluent(&self) -> FluentValue<'a> {
        match self {
            Arg::Text(s) => FluentValue::String(s.clone()),
            Arg::Number(n) => FluentValue::from(*n),
        }
    }
}

/// The Fluent arguments of a message, None when it has none.
pub(super) fn to_fluent<'a>(args: &Args<'a>) -> Option<FluentArgs<'a>> {
    (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.to_fluent());
        }
        a
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_texts_become_the_same_fluent_values_as_before() {
        assert_eq!(Arg::from(3i64).to_fluent(), FluentValue::from(3i64));
        assert_eq!(Arg::from(7i32).to_fluent(), FluentValue::from(7i32));
        assert_eq!(Arg::from("Ana").to_fluent(), FluentValue::from("Ana"));
        assert_eq!(
            Arg::from("Ana".to_owned()).to_fluent(),
            FluentValue::from("Ana".to_owned())
        );
    }
}
