# Metrics ingestion protected by an API key header (APIKeyHeader).
# Auth: header "X-API-Key: test-key" (401 otherwise).
from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, Field

app = FastAPI(title="Metrics", version="1.4.0")
api_key = APIKeyHeader(name="X-API-Key", description="Use test-key")


def check_key(key: str = Security(api_key)) -> str:
    if key != "test-key":
        raise HTTPException(401, "bad api key")
    return key


class Sample(BaseModel):
    metric: str = Field(pattern=r"^[a-z][a-z0-9_.]*$")
    value: float
    labels: dict[str, str] = {}


class Batch(BaseModel):
    samples: list[Sample] = Field(min_length=1, max_length=500)


class Summary(BaseModel):
    metric: str
    count: int
    min: float
    max: float
    mean: float


SERIES: dict[str, list[float]] = {"cpu.load": [0.5, 0.75, 1.25], "mem.used_mb": [512.0]}


@app.post("/ingest", status_code=202, response_model=dict[str, int], dependencies=[Depends(check_key)])
def ingest(batch: Batch) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in batch.samples:
        SERIES.setdefault(s.metric, []).append(s.value)
        counts[s.metric] = counts.get(s.metric, 0) + 1
    return counts


@app.get("/metrics", response_model=list[str], dependencies=[Depends(check_key)])
def list_metrics(prefix: str | None = None) -> list[str]:
    return sorted(m for m in SERIES if prefix is None or m.startswith(prefix))


@app.get("/metrics/{metric}/summary", response_model=Summary, dependencies=[Depends(check_key)])
def summary(metric: str) -> Summary:
    vals = SERIES.get(metric)
    if not vals:
        raise HTTPException(404, "unknown metric")
    return Summary(metric=metric, count=len(vals), min=min(vals), max=max(vals),
                   mean=sum(vals) / len(vals))
