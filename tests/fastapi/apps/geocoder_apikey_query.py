# Toy geocoder protected by an API key in the query string (APIKeyQuery).
# Auth: query parameter "api_key=test-key" (401 otherwise).
from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.security import APIKeyQuery
from pydantic import BaseModel, Field

app = FastAPI(title="Geocoder", version="0.2.0")
key_query = APIKeyQuery(name="api_key")


def require_key(key: str = Depends(key_query)) -> None:
    if key != "test-key":
        raise HTTPException(401, "bad api key")


class Place(BaseModel):
    name: str
    country: str = Field(min_length=2, max_length=2)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int | None = None


PLACES = [
    Place(name="Lisbon", country="PT", lat=38.72, lon=-9.14, population=545000),
    Place(name="Porto", country="PT", lat=41.15, lon=-8.61, population=232000),
    Place(name="Reykjavik", country="IS", lat=64.15, lon=-21.94),
]


@app.get("/geocode", response_model=list[Place], dependencies=[Depends(require_key)])
def geocode(q: str = Query(min_length=1), country: str | None = Query(None, min_length=2, max_length=2)) -> list[Place]:
    return [p for p in PLACES if q.lower() in p.name.lower() and (country is None or p.country == country)]


@app.get("/reverse", response_model=Place, dependencies=[Depends(require_key)],
         responses={404: {"description": "Nothing nearby"}})
def reverse(lat: float = Query(ge=-90, le=90), lon: float = Query(ge=-180, le=180),
            radius_deg: float = Query(1.0, gt=0, le=10)) -> Place:
    near = [p for p in PLACES if abs(p.lat - lat) <= radius_deg and abs(p.lon - lon) <= radius_deg]
    if not near:
        raise HTTPException(404, "nothing nearby")
    return min(near, key=lambda p: (p.lat - lat) ** 2 + (p.lon - lon) ** 2)
