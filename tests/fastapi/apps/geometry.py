# Geometry: discriminated union of shapes (field "type"), computed areas, nested union lists.
# Auth: none.
import math
from typing import Annotated, Literal, Union

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI(title="Geometry", version="0.1.0")


class Circle(BaseModel):
    type: Literal["circle"] = "circle"
    radius: float = Field(gt=0)


class Rectangle(BaseModel):
    type: Literal["rectangle"] = "rectangle"
    width: float = Field(gt=0)
    height: float = Field(gt=0)


class Triangle(BaseModel):
    type: Literal["triangle"] = "triangle"
    a: tuple[float, float]
    b: tuple[float, float]
    c: tuple[float, float]


Shape = Annotated[Union[Circle, Rectangle, Triangle], Field(discriminator="type")]


class Drawing(BaseModel):
    name: str
    shapes: list[Shape] = Field(max_length=100)


class AreaReport(BaseModel):
    name: str
    areas: list[float]
    total: float
    largest: Shape | None


def area(s: Shape) -> float:
    if isinstance(s, Circle):
        return round(math.pi * s.radius ** 2, 6)
    if isinstance(s, Rectangle):
        return round(s.width * s.height, 6)
    (x1, y1), (x2, y2), (x3, y3) = s.a, s.b, s.c
    return round(abs(x1 * (y2 - y3) + x2 * (y3 - y1) + x3 * (y1 - y2)) / 2, 6)


@app.post("/area", response_model=AreaReport)
def measure(drawing: Drawing) -> AreaReport:
    areas = [area(s) for s in drawing.shapes]
    largest = drawing.shapes[areas.index(max(areas))] if areas else None
    return AreaReport(name=drawing.name, areas=areas, total=round(sum(areas), 6), largest=largest)


@app.post("/scale", response_model=Shape)
def scale(shape: Shape, factor: float = 2.0) -> Shape:
    if isinstance(shape, Circle):
        return Circle(radius=shape.radius * factor)
    if isinstance(shape, Rectangle):
        return Rectangle(width=shape.width * factor, height=shape.height * factor)
    return Triangle(**{k: (getattr(shape, k)[0] * factor, getattr(shape, k)[1] * factor) for k in "abc"})


@app.get("/unit-shapes", response_model=list[Shape])
def unit_shapes() -> list[Shape]:
    return [Circle(radius=1), Rectangle(width=1, height=1), Triangle(a=(0, 0), b=(1, 0), c=(0, 1))]
