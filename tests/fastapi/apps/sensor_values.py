# IoT sensor values: plain (non-discriminated) unions like float | int | bool | str, nullable unions,
# and union-typed dict values and responses.
# Auth: none.
from datetime import datetime, timezone

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Sensor Values", version="0.7.0")


class Measurement(BaseModel):
    sensor: str
    value: bool | int | float | str
    unit: str | None = None
    at: datetime


class Config(BaseModel):
    settings: dict[str, int | float | bool | str | None]
    thresholds: list[float | None] = Field(default=[], max_length=8)


AT = datetime(2024, 7, 1, 0, 0, tzinfo=timezone.utc)
LATEST = {
    "door": Measurement(sensor="door", value=True, at=AT),
    "temp": Measurement(sensor="temp", value=21.5, unit="C", at=AT),
    "count": Measurement(sensor="count", value=17, at=AT),
    "mode": Measurement(sensor="mode", value="eco", at=AT),
}
CONFIG = Config(settings={"interval_s": 30, "gain": 1.5, "enabled": True, "label": "hall", "offset": None},
                thresholds=[10.0, None, 30.0])


@app.get("/latest", response_model=list[Measurement])
def latest() -> list[Measurement]:
    return [LATEST[k] for k in sorted(LATEST)]


@app.get("/latest/{sensor}/value", response_model=bool | int | float | str)
def latest_value(sensor: str) -> bool | int | float | str:
    if sensor not in LATEST:
        raise HTTPException(404, "unknown sensor")
    return LATEST[sensor].value


@app.post("/measurements", response_model=Measurement, status_code=201)
def record(m: Measurement) -> Measurement:
    LATEST[m.sensor] = m
    return m


@app.get("/config", response_model=Config)
def get_config() -> Config:
    return CONFIG


@app.put("/config", response_model=Config)
def put_config(cfg: Config) -> Config:
    global CONFIG
    CONFIG = cfg
    return cfg
