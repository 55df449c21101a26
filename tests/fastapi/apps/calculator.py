# Calculator service: constrained float/int query params, GET and POST variants, error responses.
# Auth: none.
import math
from typing import Literal

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Calculator", version="1.0.0")


class Result(BaseModel):
    op: str
    operands: list[float]
    result: float


class Expression(BaseModel):
    op: Literal["add", "mul", "min", "max", "mean"]
    values: list[float] = Field(min_length=1, max_length=1000)


class Problem(BaseModel):
    detail: str


def finite(op: str, operands: list[float], r: float) -> Result:
    if not math.isfinite(r):
        raise HTTPException(400, "result is not finite")
    return Result(op=op, operands=operands, result=r)


@app.get("/divide", response_model=Result, responses={400: {"model": Problem}})
def divide(a: float, b: float = Query(description="Must not be zero")) -> Result:
    if b == 0:
        raise HTTPException(400, "division by zero")
    return finite("divide", [a, b], a / b)


@app.get("/power", response_model=Result, responses={400: {"model": Problem}})
def power(base: float = Query(ge=-1e6, le=1e6), exp: int = Query(ge=0, le=16)) -> Result:
    return finite("power", [base, exp], float(base) ** exp)


@app.get("/sqrt", response_model=Result)
def sqrt(x: float = Query(ge=0)) -> Result:
    return Result(op="sqrt", operands=[x], result=math.sqrt(x))


@app.get("/clamp", response_model=Result)
def clamp(x: float, lo: float = Query(0.0, gt=-1e9), hi: float = Query(1.0, lt=1e9)) -> Result:
    return Result(op="clamp", operands=[x, lo, hi], result=min(max(x, lo), hi))


@app.post("/evaluate", response_model=Result, responses={400: {"model": Problem}})
def evaluate(e: Expression) -> Result:
    v = e.values
    r = {"add": sum(v), "mul": math.prod(v), "min": min(v), "max": max(v), "mean": sum(v) / len(v)}[e.op]
    return finite(e.op, v, r)


@app.get("/factorial/{n}", response_model=int)
def factorial(n: int) -> int:
    if not 0 <= n <= 20:
        raise HTTPException(400, "n must be in 0..20")
    return math.factorial(n)
