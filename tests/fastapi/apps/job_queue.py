# Background job queue: status codes 201 / 202 / 204 / 409 / 404, multiple documented responses.
# Auth: none.
from typing import Literal

from fastapi import FastAPI, HTTPException, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

app = FastAPI(title="Job Queue", version="1.0.0")


class ErrorModel(BaseModel):
    detail: str


class Conflict(BaseModel):
    detail: str
    existing_id: int


class JobIn(BaseModel):
    name: str = Field(pattern=r"^[a-z][a-z0-9-]{1,30}$")
    priority: int = Field(default=5, ge=1, le=10)


class Job(BaseModel):
    id: int
    name: str
    priority: int
    state: Literal["queued", "running", "done", "cancelled"]


class Accepted(BaseModel):
    job_id: int
    position: int


JOBS = {1: Job(id=1, name="nightly-backup", priority=3, state="done")}


@app.post("/jobs", response_model=Job, status_code=201,
          responses={409: {"model": Conflict, "description": "A job with this name exists"}})
def create_job(job: JobIn):
    for j in JOBS.values():
        if j.name == job.name:
            return JSONResponse(status_code=409, content={"detail": "duplicate", "existing_id": j.id})
    new = Job(id=max(JOBS) + 1, name=job.name, priority=job.priority, state="queued")
    JOBS[new.id] = new
    return new


@app.post("/jobs/{job_id}/run", response_model=Accepted, status_code=202,
          responses={404: {"model": ErrorModel}, 409: {"model": ErrorModel, "description": "Not runnable"}})
def run_job(job_id: int) -> Accepted:
    if job_id not in JOBS:
        raise HTTPException(404, "no such job")
    if JOBS[job_id].state != "queued":
        raise HTTPException(409, "job is not queued")
    JOBS[job_id] = JOBS[job_id].model_copy(update={"state": "running"})
    return Accepted(job_id=job_id, position=sum(1 for j in JOBS.values() if j.state == "running"))


@app.get("/jobs/{job_id}", response_model=Job, responses={404: {"model": ErrorModel}})
def get_job(job_id: int) -> Job:
    if job_id not in JOBS:
        raise HTTPException(404, "no such job")
    return JOBS[job_id]


@app.delete("/jobs/{job_id}", status_code=204, responses={404: {"model": ErrorModel}})
def cancel_job(job_id: int) -> Response:
    if job_id not in JOBS:
        raise HTTPException(404, "no such job")
    JOBS[job_id] = JOBS[job_id].model_copy(update={"state": "cancelled"})
    return Response(status_code=204)


@app.head("/jobs/{job_id}", status_code=200)
def job_exists(job_id: int) -> Response:
    return Response(status_code=200 if job_id in JOBS else 404)
