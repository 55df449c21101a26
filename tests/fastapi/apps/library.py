# Library catalogue: books with nested authors, CRUD with 201 / 204 / 404.
# Auth: none.
from datetime import date

from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel, Field

app = FastAPI(title="Library", version="1.2.0", description="A small lending library.")


class Author(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    born: int | None = Field(default=None, ge=1000, le=2100)


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    isbn: str = Field(pattern=r"^97[89]\d{10}$")
    authors: list[Author] = Field(min_length=1)
    published: date
    tags: list[str] = []


class Book(BookIn):
    id: int
    available: bool = True


class ErrorModel(BaseModel):
    detail: str


BOOKS: dict[int, Book] = {
    1: Book(id=1, title="The Quiet Orchard", isbn="9780000000011",
            authors=[Author(name="Mara Llewyn", born=1961)], published=date(1998, 4, 2),
            tags=["fiction"]),
    2: Book(id=2, title="Tides of Granite", isbn="9780000000028",
            authors=[Author(name="Oskar Pell"), Author(name="Ines Duarte", born=1975)],
            published=date(2011, 9, 30), available=False),
}


@app.get("/books", response_model=list[Book], tags=["books"])
def list_books(available: bool | None = None) -> list[Book]:
    books = sorted(BOOKS.values(), key=lambda b: b.id)
    if available is not None:
        books = [b for b in books if b.available == available]
    return books


@app.post("/books", response_model=Book, status_code=201, tags=["books"])
def create_book(book: BookIn) -> Book:
    new = Book(id=max(BOOKS, default=0) + 1, **book.model_dump())
    BOOKS[new.id] = new
    return new


@app.get("/books/{book_id}", response_model=Book, tags=["books"],
         responses={404: {"model": ErrorModel, "description": "No such book"}})
def get_book(book_id: int) -> Book:
    if book_id not in BOOKS:
        raise HTTPException(status_code=404, detail="book not found")
    return BOOKS[book_id]


@app.delete("/books/{book_id}", status_code=204, tags=["books"],
            responses={404: {"model": ErrorModel}})
def delete_book(book_id: int) -> Response:
    if BOOKS.pop(book_id, None) is None:
        raise HTTPException(status_code=404, detail="book not found")
    return Response(status_code=204)
