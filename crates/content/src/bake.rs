//! Turns content into Rust source: a constant expression that `build.rs` writes into a
//! `static`, so the wasm holds content as plain data and ships no parser.
//!
//! It is a `serde::Serializer` that writes Rust instead of JSON. That works because the
//! content model follows three rules (see `model.rs`): strings are `Cow<str>`, sequences
//! are `Cow<[T]>`, and enums are externally tagged with snake_case variant names. The
//! content test that compares the baked statics with a fresh parse proves the output.

use std::fmt::{self, Write};

use serde::ser::{self, Serialize};

/// Rust source for a constant expression equal to `value`.
pub fn bake<T: Serialize>(value: &T) -> Result<String, BakeError> {
    let mut baker = Baker::default();
    value.serialize(&mut baker)?;
    Ok(baker.out)
}

#[derive(Debug)]
pub struct BakeError(String);

impl fmt::Display for BakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot bake content: {}", self.0)
    }
}

impl std::error::Error for BakeError {}

impl ser::Error for BakeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        BakeError(message.to_string())
    }
}

#[derive(Default)]
struct Baker {
    out: String,
}

const COW: &str = "::std::borrow::Cow::Borrowed";

/// `paragraph` to `Paragraph`: the data's variant name back to the Rust one.
fn variant_ident(variant: &str) -> String {
    variant
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

impl Baker {
    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn literal(&mut self, value: impl fmt::Display) -> Result<(), BakeError> {
        write!(self.out, "{value}").map_err(|e| BakeError(e.to_string()))
    }

    fn unsupported(what: &str) -> Result<(), BakeError> {
        Err(BakeError(format!(
            "{what} is not allowed in the content model"
        )))
    }
}

/// Writes the items of a list, a tuple or a struct, each followed by a comma, and then
/// the closing text.
struct Items<'a> {
    baker: &'a mut Baker,
    close: &'static str,
}

impl Items<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), BakeError> {
        value.serialize(&mut *self.baker)?;
        self.baker.push(", ");
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), BakeError> {
        self.baker.push(key);
        self.baker.push(": ");
        self.item(value)
    }

    fn end(self) -> Result<(), BakeError> {
        self.baker.push(self.close);
        Ok(())
    }
}

macro_rules! bake_as_literal {
    ($($method:ident: $ty:ty),*) => {
        $(fn $method(self, value: $ty) -> Result<(), BakeError> {
            self.literal(value)
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Baker {
    type Ok = ();
    type Error = BakeError;
    type SerializeSeq = Items<'a>;
    type SerializeTuple = Items<'a>;
    type SerializeTupleStruct = Items<'a>;
    type SerializeTupleVariant = Items<'a>;
    type SerializeMap = ser::Impossible<(), BakeError>;
    type SerializeStruct = Items<'a>;
    type SerializeStructVariant = Items<'a>;

    bake_as_literal!(
        serialize_bool: bool,
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64
    );

    fn serialize_f32(self, value: f32) -> Result<(), BakeError> {
        self.serialize_f64(value.into())
    }

    fn serialize_f64(self, value: f64) -> Result<(), BakeError> {
        if !value.is_finite() {
            return Baker::unsupported("a number that is not finite");
        }
        // `{:?}` always keeps a decimal point, so the literal stays a float.
        self.literal(format_args!("{value:?}"))
    }

    fn serialize_char(self, value: char) -> Result<(), BakeError> {
        self.literal(format_args!("{value:?}"))
    }

    fn serialize_str(self, value: &str) -> Result<(), BakeError> {
        // `{:?}` of a str is a valid Rust string literal with every escape it needs.
        self.literal(format_args!("{COW}({value:?})"))
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), BakeError> {
        Baker::unsupported("a byte string")
    }

    fn serialize_none(self) -> Result<(), BakeError> {
        self.push("None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), BakeError> {
        self.push("Some(");
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), BakeError> {
        self.push("()");
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), BakeError> {
        self.push(name);
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), BakeError> {
        self.literal(format_args!("{name}::{}", variant_ident(variant)))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), BakeError> {
        self.literal(format_args!("{name}("))?;
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), BakeError> {
        self.literal(format_args!("{name}::{}(", variant_ident(variant)))?;
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'a>, BakeError> {
        self.literal(format_args!("{COW}(&["))?;
        Ok(Items {
            baker: self,
            close: "])",
        })
    }

    fn serialize_tuple(self, _: usize) -> Result<Items<'a>, BakeError> {
        self.push("(");
        Ok(Items {
            baker: self,
            close: ")",
        })
    }

    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Items<'a>, BakeError> {
        self.literal(format_args!("{name}("))?;
        Ok(Items {
            baker: self,
            close: ")",
        })
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Items<'a>, BakeError> {
        self.literal(format_args!("{name}::{}(", variant_ident(variant)))?;
        Ok(Items {
            baker: self,
            close: ")",
        })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, BakeError> {
        Err(BakeError(
            "a map is not allowed in the content model".into(),
        ))
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Items<'a>, BakeError> {
        self.literal(format_args!("{name} {{ "))?;
        Ok(Items {
            baker: self,
            close: "}",
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Items<'a>, BakeError> {
        self.literal(format_args!("{name}::{} {{ ", variant_ident(variant)))?;
        Ok(Items {
            baker: self,
            close: "}",
        })
    }
}

/// The four serde traits for sequences of values, which differ only in their names.
macro_rules! items_of_values {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Items<'_> {
            type Ok = ();
            type Error = BakeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), BakeError> {
                self.item(value)
            }
            fn end(self) -> Result<(), BakeError> {
                Items::end(self)
            }
        })*
    };
}

items_of_values!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The two serde traits for named fields.
macro_rules! items_of_fields {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Items<'_> {
            type Ok = ();
            type Error = BakeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), BakeError> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), BakeError> {
                Items::end(self)
            }
        })*
    };
}

items_of_fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Item, Step};

    #[test]
    fn strings_borrow_and_escape() {
        let baked = bake(&Item {
            term: None,
            text: "say \"hi\"\n".into(),
        })
        .unwrap();
        assert_eq!(
            baked,
            r#"Item { term: None, text: ::std::borrow::Cow::Borrowed("say \"hi\"\n"), }"#
        );
    }

    #[test]
    fn variants_and_lists_become_rust_paths() {
        let row: Vec<Cell> = vec![Cell::Text("Linux".into()), Cell::Stars(4)];
        assert_eq!(
            bake(&row).unwrap(),
            r#"::std::borrow::Cow::Borrowed(&[Cell::Text(::std::borrow::Cow::Borrowed("Linux")), Cell::Stars(4), ])"#
        );
        assert_eq!(variant_ident("paragraph"), "Paragraph");
        assert_eq!(variant_ident("two_words"), "TwoWords");
    }

    #[test]
    fn booleans_are_literals() {
        let step = Step {
            name: "Security".into(),
            gate: true,
        };
        assert!(bake(&step).unwrap().ends_with("gate: true, }"));
    }
}
