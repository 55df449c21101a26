# Job board search: list[str] query params, bools, floats, dates and datetimes in the query string.
# Auth: none.
from datetime import date, datetime, timezone
from enum import Enum

from fastapi import FastAPI, Query
from pydantic import BaseModel

app = FastAPI(title="Job Search", version="2.1.0")


class Seniority(str, Enum):
    junior = "junior"
    mid = "mid"
    senior = "senior"


class Job(BaseModel):
    id: int
    title: str
    skills: list[str]
    remote: bool
    salary_k: float
    seniority: Seniority
    posted: date
    closes_at: datetime


JOBS = [
    Job(id=1, title="Backend engineer", skills=["rust", "sql"], remote=True, salary_k=85.0,
        seniority=Seniority.mid, posted=date(2024, 4, 1), closes_at=datetime(2024, 5, 1, 17, tzinfo=timezone.utc)),
    Job(id=2, title="Data analyst", skills=["python", "sql"], remote=False, salary_k=60.5,
        seniority=Seniority.junior, posted=date(2024, 4, 10), closes_at=datetime(2024, 6, 1, 17, tzinfo=timezone.utc)),
    Job(id=3, title="Staff engineer", skills=["rust", "go", "kubernetes"], remote=True, salary_k=140.0,
        seniority=Seniority.senior, posted=date(2024, 3, 20), closes_at=datetime(2024, 4, 20, 12, tzinfo=timezone.utc)),
]


class SearchResult(BaseModel):
    total: int
    jobs: list[Job]


@app.get("/jobs", response_model=SearchResult)
def search(
    skill: list[str] = Query(default=[], description="Every listed skill must match"),
    seniority: list[Seniority] = Query(default=[]),
    remote: bool | None = None,
    min_salary_k: float = Query(default=0.0, ge=0),
    posted_after: date | None = None,
    open_at: datetime | None = Query(default=None, description="Only jobs still open at this instant"),
    ids: list[int] | None = Query(default=None),
) -> SearchResult:
    out = []
    for j in JOBS:
        if any(s not in j.skills for s in skill):
            continue
        if seniority and j.seniority not in seniority:
            continue
        if remote is not None and j.remote != remote:
            continue
        if j.salary_k < min_salary_k:
            continue
        if posted_after is not None and j.posted <= posted_after:
            continue
        if open_at is not None:
            t = open_at if open_at.tzinfo else open_at.replace(tzinfo=timezone.utc)
            if j.closes_at <= t:
                continue
        if ids is not None and j.id not in ids:
            continue
        out.append(j)
    return SearchResult(total=len(out), jobs=out)


@app.get("/skills", response_model=list[str])
def skills(prefix: str | None = Query(default=None, max_length=10)) -> list[str]:
    all_skills = sorted({s for j in JOBS for s in j.skills})
    return [s for s in all_skills if prefix is None or s.startswith(prefix)]
