//! `x-pagination` → `rt::Paged` for the request builder, and `pages()` /
//! `items()` to walk a listing.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::rust_type;
use crate::ir::{IntWidth, Operation, Pagination};
use crate::names::ident;

pub fn emit(op: &Operation, paging: &Pagination) -> TokenStream {
    let builder = ident(&op.builder);
    let page = match &op.success {
        crate::ir::Success::Json(shape) => rust_type(shape, &quote!(types::)),
        _ => return TokenStream::new(),
    };
    let (offset, offset_width) = (&paging.offset.0, paging.offset.1);
    let (limit, limit_width) = (&paging.limit.0, paging.limit.1);
    let offset_field = ident(offset);
    let limit_field = ident(limit);
    let offset_in = to_u64(quote!(self.#offset_field), offset_width);
    let limit_in = to_u64(quote!(self.#limit_field), limit_width);
    let offset_out = from_u64(quote!(offset), offset, offset_width);
    let limit_out = from_u64(quote!(limit), limit, limit_width);
    let counts = paging.items.iter().map(|list| {
        let field = ident(&list.field);
        if list.required {
            quote!(page.#field.len())
        } else {
            quote!(page.#field.as_ref().map_or(0, Vec::len))
        }
    });
    let total = match &paging.total {
        Some((field, required, width)) => {
            let field = ident(field);
            match (*required, *width) {
                (true, IntWidth::U64) => quote!(Some(page.#field)),
                (true, IntWidth::U32) => quote!(Some(u64::from(page.#field))),
                (true, _) => quote!(u64::try_from(page.#field).ok()),
                (false, IntWidth::U64) => quote!(page.#field),
                (false, IntWidth::U32) => quote!(page.#field.map(u64::from)),
                (false, _) => quote!(page.#field.and_then(|n| u64::try_from(n).ok())),
            }
        }
        None => quote!(None),
    };
    let items = match paging.items.as_slice() {
        [list] => {
            let field = ident(&list.field);
            let item = rust_type(&list.item, &quote!(types::));
            let take = if list.required {
                quote!(|page| page.#field)
            } else {
                quote!(|page| page.#field.unwrap_or_default())
            };
            let doc = super::docs::attrs(Some(&format!(
                "Every item of every page ({}), fetched page by page as they are read.",
                super::docs::code(&list.field)
            )));
            quote! {
                #doc
                pub fn items(self) -> rt::Items<'a, Self, #item> {
                    rt::Pages::new(self).items(#take)
                }
            }
        }
        _ => TokenStream::new(),
    };
    let allow_deprecated = op.deprecated.then(|| quote!(#[allow(deprecated)]));
    quote! {
        #allow_deprecated
        impl<'a> #builder<'a> {
            /// Every page, starting at this request's offset; see [`rt::Pages`].
            pub fn pages(self) -> rt::Pages<'a, Self> {
                rt::Pages::new(self)
            }

            #items
        }

        #allow_deprecated
        impl<'a> rt::Paged<'a> for #builder<'a> {
            type Page = #page;

            fn window(&self) -> (Option<u64>, Option<u64>) {
                (#offset_in, #limit_in)
            }

            fn at(mut self, offset: u64, limit: Option<u64>) -> Result<Self, rt::Error> {
                self.#offset_field = Some(#offset_out);
                if let Some(limit) = limit {
                    self.#limit_field = Some(#limit_out);
                }
                Ok(self)
            }

            fn fetch(self) -> rt::PageFuture<'a, Self::Page> {
                self.send()
            }

            fn count(page: &Self::Page) -> (usize, Option<u64>) {
                (#(#counts)+*, #total)
            }
        }
    }
}

/// An `Option<integer>` field as `Option<u64>`; negative values read as unset.
fn to_u64(field: TokenStream, width: IntWidth) -> TokenStream {
    match width {
        IntWidth::U64 => field,
        IntWidth::U32 => quote!(#field.map(u64::from)),
        _ => quote!(#field.and_then(|n| u64::try_from(n).ok())),
    }
}

/// A `u64` in the parameter's type; a value the type cannot hold ends the
/// walk with an error rather than send a wrong offset.
fn from_u64(value: TokenStream, name: &str, width: IntWidth) -> TokenStream {
    match width {
        IntWidth::U64 => value,
        _ => quote!(rt::window_value(#name, #value)?),
    }
}
