# Slippy-map tile metadata: tuple[int, int] and tuple fields, constrained int path params.
# Auth: none.
import math

from fastapi import FastAPI, Path, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Map Tiles", version="1.0.0")


class Tile(BaseModel):
    z: int
    x: int
    y: int
    pixel_size: tuple[int, int] = (256, 256)
    bounds: tuple[float, float, float, float] = Field(description="west, south, east, north")


class TileRange(BaseModel):
    z: int = Field(ge=0, le=22)
    top_left: tuple[int, int]
    bottom_right: tuple[int, int]


class TileList(BaseModel):
    count: int
    tiles: list[tuple[int, int]]


def _lon(x: int, z: int) -> float:
    return round(x / 2 ** z * 360.0 - 180.0, 6)


def _lat(y: int, z: int) -> float:
    return round(math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / 2 ** z)))), 6)


@app.get("/tiles/{z}/{x}/{y}", response_model=Tile)
def tile(z: int = Path(ge=0, le=22), x: int = Path(ge=0), y: int = Path(ge=0),
         retina: bool = Query(False)) -> Tile:
    n = 2 ** z
    x, y = x % n, y % n
    size = (512, 512) if retina else (256, 256)
    return Tile(z=z, x=x, y=y, pixel_size=size,
                bounds=(_lon(x, z), _lat(y + 1, z), _lon(x + 1, z), _lat(y, z)))


@app.post("/tiles/range", response_model=TileList)
def expand_range(r: TileRange, max_tiles: int = Query(100, ge=1, le=1000)) -> TileList:
    (x0, y0), (x1, y1) = r.top_left, r.bottom_right
    tiles = [(x, y) for x in range(min(x0, x1), max(x0, x1) + 1) for y in range(min(y0, y1), max(y0, y1) + 1)]
    return TileList(count=len(tiles), tiles=tiles[:max_tiles])


@app.get("/zoom-levels", response_model=dict[int, tuple[int, int]])
def zoom_levels(max_zoom: int = Query(5, ge=0, le=22)) -> dict[int, tuple[int, int]]:
    return {z: (2 ** z, 2 ** z) for z in range(max_zoom + 1)}
