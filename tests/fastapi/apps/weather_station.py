# Weather station readings: datetimes, tuple location, float constraints, time-range queries.
# Auth: none.
from datetime import datetime, timezone

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Weather Station", version="2.0.0")


class Station(BaseModel):
    id: str
    name: str
    location: tuple[float, float] = Field(description="(latitude, longitude)")
    elevation_m: int


class Reading(BaseModel):
    station_id: str
    taken_at: datetime
    temperature_c: float = Field(ge=-90, le=60)
    humidity_pct: float = Field(ge=0, le=100)
    wind_kph: float | None = Field(default=None, ge=0)


def _t(h: int) -> datetime:
    return datetime(2024, 3, 1, h, 0, tzinfo=timezone.utc)


STATIONS = {
    "ridge": Station(id="ridge", name="Ridge Top", location=(46.55, 7.98), elevation_m=2970),
    "lake": Station(id="lake", name="Lakeside", location=(46.69, 7.86), elevation_m=566),
}
READINGS = [
    Reading(station_id="ridge", taken_at=_t(h), temperature_c=-8.0 + h * 0.5,
            humidity_pct=70.0 + h, wind_kph=None if h % 3 == 0 else 20.0 + h)
    for h in range(0, 12)
] + [
    Reading(station_id="lake", taken_at=_t(h), temperature_c=2.0 + h * 0.25, humidity_pct=80.0)
    for h in range(0, 12, 2)
]


@app.get("/stations", response_model=list[Station], tags=["stations"])
def list_stations() -> list[Station]:
    return list(STATIONS.values())


@app.get("/stations/{station_id}/readings", response_model=list[Reading], tags=["readings"])
def station_readings(
    station_id: str,
    since: datetime | None = Query(default=None, description="Inclusive lower bound"),
    until: datetime | None = Query(default=None, description="Exclusive upper bound"),
    min_temp: float | None = None,
) -> list[Reading]:
    if station_id not in STATIONS:
        raise HTTPException(404, "unknown station")
    out = [r for r in READINGS if r.station_id == station_id]
    if since is not None:
        since = since if since.tzinfo else since.replace(tzinfo=timezone.utc)
        out = [r for r in out if r.taken_at >= since]
    if until is not None:
        until = until if until.tzinfo else until.replace(tzinfo=timezone.utc)
        out = [r for r in out if r.taken_at < until]
    if min_temp is not None:
        out = [r for r in out if r.temperature_c >= min_temp]
    return out


@app.post("/readings", response_model=Reading, status_code=201, tags=["readings"])
def submit_reading(reading: Reading) -> Reading:
    if reading.station_id not in STATIONS:
        raise HTTPException(404, "unknown station")
    READINGS.append(reading)
    return reading
