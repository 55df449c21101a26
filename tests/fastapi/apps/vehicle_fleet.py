# Vehicle fleet tracking: tuple GPS positions, bounding-box float queries, IntEnum path params,
# Literal fuel types, nullable driver assignments.
# Auth: none.
from datetime import datetime, timezone
from enum import IntEnum
from typing import Literal

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Vehicle Fleet", version="1.0.0")


class Depot(IntEnum):
    north = 10
    south = 20
    harbour = 30


class Vehicle(BaseModel):
    plate: str = Field(pattern=r"^[A-Z]{2}-\d{3}$")
    depot: Depot
    fuel: Literal["diesel", "electric", "hybrid"]
    position: tuple[float, float]
    odometer_km: int = Field(ge=0)
    driver: str | None
    last_seen: datetime


class Assignment(BaseModel):
    driver: str | None = Field(description="null unassigns")


SEEN = datetime(2024, 8, 1, 6, 0, tzinfo=timezone.utc)
FLEET = {
    "AB-101": Vehicle(plate="AB-101", depot=Depot.north, fuel="diesel", position=(59.91, 10.75),
                      odometer_km=120_400, driver="mia", last_seen=SEEN),
    "AB-102": Vehicle(plate="AB-102", depot=Depot.harbour, fuel="electric", position=(59.90, 10.73),
                      odometer_km=8_300, driver=None, last_seen=SEEN),
    "CD-201": Vehicle(plate="CD-201", depot=Depot.south, fuel="hybrid", position=(59.85, 10.80),
                      odometer_km=55_000, driver="tor", last_seen=SEEN),
}


@app.get("/vehicles", response_model=list[Vehicle])
def in_box(
    min_lat: float = Query(-90, ge=-90, le=90), max_lat: float = Query(90, ge=-90, le=90),
    min_lon: float = Query(-180, ge=-180, le=180), max_lon: float = Query(180, ge=-180, le=180),
    fuel: list[Literal["diesel", "electric", "hybrid"]] | None = Query(None),
) -> list[Vehicle]:
    return [v for v in FLEET.values() if min_lat <= v.position[0] <= max_lat and min_lon <= v.position[1] <= max_lon
            and (fuel is None or v.fuel in fuel)]


@app.get("/depots/{depot}/vehicles", response_model=list[str])
def depot_vehicles(depot: Depot) -> list[str]:
    return sorted(p for p, v in FLEET.items() if v.depot == depot)


@app.put("/vehicles/{plate}/driver", response_model=Vehicle)
def assign(plate: str, a: Assignment) -> Vehicle:
    if plate not in FLEET:
        raise HTTPException(404, "unknown vehicle")
    FLEET[plate] = FLEET[plate].model_copy(update={"driver": a.driver})
    return FLEET[plate]


@app.post("/vehicles/{plate}/position", response_model=Vehicle)
def report_position(plate: str, position: tuple[float, float], odometer_km: int | None = Query(None, ge=0)) -> Vehicle:
    if plate not in FLEET:
        raise HTTPException(404, "unknown vehicle")
    upd = {"position": position, **({} if odometer_km is None else {"odometer_km": odometer_km})}
    FLEET[plate] = FLEET[plate].model_copy(update=upd)
    return FLEET[plate]
