# Website forms: urlencoded Form() bodies with constraints, Literal and list fields.
# Auth: none.
from typing import Annotated, Literal

from fastapi import FastAPI, Form
from pydantic import BaseModel

app = FastAPI(title="Contact Forms", version="1.1.0")


class Ticket(BaseModel):
    reference: str
    name: str
    email: str
    topic: Literal["sales", "support", "other"]
    message_length: int
    subscribe: bool


class Survey(BaseModel):
    rating: int
    features: list[str]
    comment: str | None


class Newsletter(BaseModel):
    email: str
    frequency: str


@app.post("/contact", response_model=Ticket, status_code=201)
def contact(
    name: Annotated[str, Form(min_length=1, max_length=60)],
    email: Annotated[str, Form(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]+$")],
    message: Annotated[str, Form(min_length=10, max_length=5000)],
    topic: Annotated[Literal["sales", "support", "other"], Form()] = "other",
    subscribe: Annotated[bool, Form()] = False,
) -> Ticket:
    ref = f"T-{len(name):02d}{len(message):04d}"
    return Ticket(reference=ref, name=name, email=email, topic=topic,
                  message_length=len(message), subscribe=subscribe)


@app.post("/survey", response_model=Survey)
def survey(
    rating: Annotated[int, Form(ge=1, le=5)],
    features: Annotated[list[str], Form()] = [],
    comment: Annotated[str | None, Form(max_length=500)] = None,
) -> Survey:
    return Survey(rating=rating, features=sorted(features), comment=comment)


class NewsletterForm(BaseModel):
    email: str
    frequency: Literal["daily", "weekly", "monthly"] = "weekly"


@app.post("/newsletter", response_model=Newsletter)
def newsletter(form: Annotated[NewsletterForm, Form()]) -> Newsletter:
    return Newsletter(email=form.email.lower(), frequency=form.frequency)
