# Quiz engine: discriminated question types nested inside a list, discriminated answers in the request,
# per-question results in the response.
# Auth: none.
from typing import Annotated, Literal, Union

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Quiz", version="1.0.0")


class MultipleChoice(BaseModel):
    type: Literal["multiple_choice"] = "multiple_choice"
    id: str
    prompt: str
    choices: list[str] = Field(min_length=2)


class TrueFalse(BaseModel):
    type: Literal["true_false"] = "true_false"
    id: str
    prompt: str


class Numeric(BaseModel):
    type: Literal["numeric"] = "numeric"
    id: str
    prompt: str
    tolerance: float = Field(default=0.0, ge=0)


Question = Annotated[Union[MultipleChoice, TrueFalse, Numeric], Field(discriminator="type")]


class ChoiceAnswer(BaseModel):
    type: Literal["choice"]
    question_id: str
    index: int = Field(ge=0)


class BoolAnswer(BaseModel):
    type: Literal["bool"]
    question_id: str
    value: bool


class NumberAnswer(BaseModel):
    type: Literal["number"]
    question_id: str
    value: float


Answer = Annotated[Union[ChoiceAnswer, BoolAnswer, NumberAnswer], Field(discriminator="type")]


class Quiz(BaseModel):
    slug: str
    title: str
    questions: list[Question]


class Score(BaseModel):
    correct: int
    total: int
    results: dict[str, bool]


QUIZ = Quiz(slug="space", title="Space basics", questions=[
    MultipleChoice(id="q1", prompt="Largest planet?", choices=["Mars", "Jupiter", "Venus"]),
    TrueFalse(id="q2", prompt="The Moon has an atmosphere like Earth's."),
    Numeric(id="q3", prompt="Planets in the solar system?", tolerance=0),
])
KEY = {"q1": 1, "q2": False, "q3": 8.0}


@app.get("/quizzes/{slug}", response_model=Quiz)
def get_quiz(slug: str) -> Quiz:
    if slug != QUIZ.slug:
        raise HTTPException(404, "unknown quiz")
    return QUIZ


@app.post("/quizzes/{slug}/submit", response_model=Score)
def submit(slug: str, answers: list[Answer]) -> Score:
    quiz = get_quiz(slug)
    tol = {q.id: q.tolerance for q in quiz.questions if isinstance(q, Numeric)}
    results = {q.id: False for q in quiz.questions}
    for a in answers:
        if a.question_id not in KEY:
            continue
        if isinstance(a, NumberAnswer):
            results[a.question_id] = abs(a.value - KEY[a.question_id]) <= tol.get(a.question_id, 0)
        elif isinstance(a, ChoiceAnswer):
            results[a.question_id] = a.index == KEY[a.question_id]
        else:
            results[a.question_id] = a.value is KEY[a.question_id]
    return Score(correct=sum(results.values()), total=len(results), results=results)


@app.get("/quizzes/{slug}/questions/{qid}", response_model=Question)
def question(slug: str, qid: str) -> Question:
    for q in get_quiz(slug).questions:
        if q.id == qid:
            return q
    raise HTTPException(404, "unknown question")
