//! Offset/limit paging: walk every page, or every item, of a listing.
//!
//! Generated code implements [`Paged`] for operations whose spec declares
//! `x-pagination`; [`Pages`] and [`Items`] do the walking. Each page is a
//! whole call: validated, signed and retried like any other.

use std::collections::VecDeque;
use std::future::poll_fn;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use futures_core::Stream;

use super::error::Error;
use super::response::Response;

/// What fetching one page returns.
pub type PageFuture<'a, T> = super::call::ResponseFuture<'a, T>;

/// A request that pages by offset and limit. Implemented by generated code.
pub trait Paged<'a>: Clone + Send + Unpin + 'a {
    /// One page of the response.
    type Page: Send + 'a;
    /// The offset and limit this request was given.
    fn window(&self) -> (Option<u64>, Option<u64>);
    /// The same request for the page at `offset`, `limit` items long
    /// (unchanged when `None`); an error when a value does not fit the
    /// parameter's type.
    fn at(self, offset: u64, limit: Option<u64>) -> Result<Self, Error>;
    /// Sends the request.
    fn fetch(self) -> PageFuture<'a, Self::Page>;
    /// Items on `page`, and items in all pages when the service says.
    fn count(page: &Self::Page) -> (usize, Option<u64>);
}

/// `value` in the integer type of the parameter `name`: an offset or page
/// size it cannot hold ends the walk with [`Error::InvalidInput`].
pub fn window_value<N: TryFrom<u64>>(name: &str, value: u64) -> Result<N, Error> {
    N::try_from(value).map_err(|_| {
        Error::InvalidInput(super::validate::invalid(
            name,
            format!("{value} does not fit the parameter's type"),
        ))
    })
}

/// Every page of a listing, in order, as a [`Stream`] or with [`Pages::next`].
///
/// Starts at the request's offset (default 0) and moves on by the number of
/// items each page holds. Ends after an empty page, once the offset reaches
/// the total the service reports, once [`max_items`](Pages::max_items) items
/// were seen, or after the first error (resume from
/// [`next_offset`](Pages::next_offset) with a new walk).
#[must_use = "pages are fetched only when polled"]
pub struct Pages<'a, R: Paged<'a>> {
    request: R,
    offset: u64,
    limit: Option<u64>,
    max_items: Option<u64>,
    seen: u64,
    pending: Option<PageFuture<'a, R::Page>>,
    done: bool,
}

impl<'a, R: Paged<'a>> Pages<'a, R> {
    /// Walks the pages of `request`.
    pub fn new(request: R) -> Self {
        let (offset, limit) = request.window();
        Pages {
            request,
            offset: offset.unwrap_or(0),
            limit,
            max_items: None,
            seen: 0,
            pending: None,
            done: false,
        }
    }

    /// Items per page (the request's `limit`); the service's default otherwise.
    pub fn page_size(mut self, items: u64) -> Self {
        self.limit = Some(items);
        self
    }

    /// Stops once this many items were fetched (the last page may hold more;
    /// [`Items`] yields exactly this many).
    pub fn max_items(mut self, items: u64) -> Self {
        self.max_items = Some(items);
        self
    }

    /// The offset of the next page to fetch.
    pub fn next_offset(&self) -> u64 {
        self.offset
    }

    /// The next page, or `None` when the walk is over.
    pub async fn next(&mut self) -> Option<Result<Response<R::Page>, Error>> {
        poll_fn(|cx| self.poll_page(cx)).await
    }

    /// Every item instead of every page, taken out of each page by `items`.
    pub fn items<I>(self, items: fn(R::Page) -> Vec<I>) -> Items<'a, R, I> {
        Items {
            remaining: self.max_items,
            pages: self,
            extract: items,
            buffer: VecDeque::new(),
        }
    }

    fn poll_page(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Response<R::Page>, Error>>> {
        if self.done {
            return Poll::Ready(None);
        }
        if self.pending.is_none() {
            match self.request.clone().at(self.offset, self.limit) {
                Ok(page) => self.pending = Some(page.fetch()),
                Err(error) => {
                    self.done = true;
                    return Poll::Ready(Some(Err(error)));
                }
            }
        }
        let Some(pending) = self.pending.as_mut() else {
            return Poll::Ready(None);
        };
        let result = ready!(pending.as_mut().poll(cx));
        self.pending = None;
        let page = match result {
            Ok(page) => page,
            Err(error) => {
                self.done = true;
                return Poll::Ready(Some(Err(error)));
            }
        };
        let (count, total) = R::count(page.body());
        let count = u64::try_from(count).unwrap_or(u64::MAX);
        self.offset = self.offset.saturating_add(count);
        self.seen = self.seen.saturating_add(count);
        self.done = count == 0
            || total.is_some_and(|total| self.offset >= total)
            || self.max_items.is_some_and(|max| self.seen >= max);
        Poll::Ready(Some(Ok(page)))
    }
}

impl<'a, R: Paged<'a>> Stream for Pages<'a, R> {
    type Item = Result<Response<R::Page>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_page(cx)
    }
}

impl<'a, R: Paged<'a> + std::fmt::Debug> std::fmt::Debug for Pages<'a, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("request", &self.request)
            .field("offset", &self.offset)
            .field("limit", &self.limit)
            .field("max_items", &self.max_items)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// Every item of every page of a listing, as a [`Stream`] or with
/// [`Items::next`]; an error ends the walk (see [`Pages`]).
#[must_use = "pages are fetched only when polled"]
pub struct Items<'a, R: Paged<'a>, I> {
    pages: Pages<'a, R>,
    extract: fn(R::Page) -> Vec<I>,
    buffer: VecDeque<I>,
    remaining: Option<u64>,
}

impl<'a, R: Paged<'a>, I> Items<'a, R, I> {
    /// The next item, or `None` when the walk is over.
    pub async fn next(&mut self) -> Option<Result<I, Error>> {
        poll_fn(|cx| self.poll_item(cx)).await
    }

    /// Every remaining item, or the first error.
    pub async fn all(mut self) -> Result<Vec<I>, Error> {
        let mut all = Vec::new();
        while let Some(item) = self.next().await {
            all.push(item?);
        }
        Ok(all)
    }

    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<I, Error>>> {
        loop {
            if self.remaining == Some(0) {
                return Poll::Ready(None);
            }
            if let Some(item) = self.buffer.pop_front() {
                self.remaining = self.remaining.map(|n| n - 1);
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(self.pages.poll_page(cx)) {
                None => return Poll::Ready(None),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(page)) => self.buffer.extend((self.extract)(page.into_body())),
            }
        }
    }
}

impl<'a, R: Paged<'a>, I> Stream for Items<'a, R, I>
where
    I: Unpin,
{
    type Item = Result<I, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}

impl<'a, R: Paged<'a> + std::fmt::Debug, I> std::fmt::Debug for Items<'a, R, I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}
