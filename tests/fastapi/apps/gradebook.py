# Gradebook: bounded float scores (0..100), dict[str, list[float]] bodies, computed statistics,
# Literal letter grades and a weights model with json_schema_extra.
# Auth: HTTP basic user "user" / password "pass" for writes (401 otherwise).
import statistics
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Gradebook", version="1.0.0")
basic = HTTPBasic()
Score = Annotated[float, Field(ge=0, le=100)]
Letter = Literal["A", "B", "C", "D", "F"]


def teacher(c: HTTPBasicCredentials = Depends(basic)) -> None:
    if (c.username, c.password) != ("user", "pass"):
        raise HTTPException(401, "bad credentials", headers={"WWW-Authenticate": "Basic"})


class Weights(BaseModel):
    model_config = ConfigDict(json_schema_extra={"description": "Weights must sum to 1.0"})
    homework: float = Field(default=0.3, ge=0, le=1)
    exams: float = Field(default=0.7, ge=0, le=1)


class StudentScores(BaseModel):
    homework: list[Score] = Field(default=[], max_length=50)
    exams: list[Score] = Field(default=[], max_length=10)


class Report(BaseModel):
    student: str
    average: float = Field(ge=0, le=100)
    letter: Letter
    median_exam: float | None


BOOK: dict[str, StudentScores] = {
    "ana": StudentScores(homework=[90, 85, 100], exams=[78, 88]),
    "ben": StudentScores(homework=[60, 70], exams=[55]),
}


def _letter(avg: float) -> Letter:
    return "A" if avg >= 90 else "B" if avg >= 80 else "C" if avg >= 70 else "D" if avg >= 60 else "F"


def _report(name: str, s: StudentScores, w: Weights) -> Report:
    hw = statistics.fmean(s.homework) if s.homework else 0.0
    ex = statistics.fmean(s.exams) if s.exams else 0.0
    avg = round(min(100.0, max(0.0, hw * w.homework + ex * w.exams)), 2)
    return Report(student=name, average=avg, letter=_letter(avg),
                  median_exam=statistics.median(s.exams) if s.exams else None)


@app.get("/reports", response_model=list[Report])
def reports(homework_weight: float = 0.3) -> list[Report]:
    w = Weights(homework=min(1.0, max(0.0, homework_weight)), exams=1 - min(1.0, max(0.0, homework_weight)))
    return [_report(n, s, w) for n, s in sorted(BOOK.items())]


@app.put("/scores", response_model=dict[str, int], dependencies=[Depends(teacher)])
def put_scores(scores: dict[str, StudentScores]) -> dict[str, int]:
    BOOK.update(scores)
    return {n: len(s.homework) + len(s.exams) for n, s in sorted(BOOK.items())}


@app.post("/preview", response_model=Report)
def preview(scores: StudentScores, weights: Weights, student: str = "preview") -> Report:
    return _report(student, scores, weights)
