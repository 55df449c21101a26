# Currency exchange: Decimal rates keyed by currency (dict[str, Decimal]), historical date queries,
# str Enum currencies in path and query, conversion with rounding.
# Auth: none.
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Currency Exchange", version="1.0.0")


class Currency(str, Enum):
    EUR = "EUR"
    USD = "USD"
    GBP = "GBP"
    JPY = "JPY"
    CHF = "CHF"


class RateTable(BaseModel):
    base: Currency
    day: date
    rates: dict[str, Decimal]


class Conversion(BaseModel):
    amount: Decimal
    source: Currency
    target: Currency
    rate: Decimal
    result: Decimal
    day: date


EUR_RATES = {
    date(2024, 1, 2): {"USD": Decimal("1.0956"), "GBP": Decimal("0.8665"), "JPY": Decimal("155.72"), "CHF": Decimal("0.9305")},
    date(2024, 1, 3): {"USD": Decimal("1.0919"), "GBP": Decimal("0.8630"), "JPY": Decimal("156.29"), "CHF": Decimal("0.9290")},
}
LATEST = max(EUR_RATES)


def _rate(day: date, src: Currency, dst: Currency) -> Decimal:
    table = {"EUR": Decimal(1), **EUR_RATES[day]}
    return (table[dst.value] / table[src.value]).quantize(Decimal("0.000001"), ROUND_HALF_EVEN)


def _day(day: date | None) -> date:
    d = day or LATEST
    if d not in EUR_RATES:
        raise HTTPException(404, "no rates for that day")
    return d


@app.get("/rates/{base}", response_model=RateTable)
def rates(base: Currency, day: date | None = None, symbols: list[Currency] = Query(default=[])) -> RateTable:
    d = _day(day)
    wanted = symbols or [c for c in Currency if c != base]
    return RateTable(base=base, day=d, rates={c.value: _rate(d, base, c) for c in wanted})


@app.get("/convert", response_model=Conversion)
def convert(amount: Decimal = Query(gt=0, le=Decimal("1000000000")), source: Currency = Currency.EUR,
            target: Currency = Currency.USD, day: date | None = None) -> Conversion:
    d = _day(day)
    r = _rate(d, source, target)
    return Conversion(amount=amount, source=source, target=target, rate=r,
                      result=(amount * r).quantize(Decimal("0.01"), ROUND_HALF_EVEN), day=d)


@app.get("/days", response_model=list[date])
def days() -> list[date]:
    return sorted(EUR_RATES)


class Basket(BaseModel):
    holdings: dict[str, Decimal] = Field(description="currency code -> amount")
    target: Currency = Currency.EUR


@app.post("/basket/value", response_model=Decimal)
def basket_value(b: Basket) -> Decimal:
    total = Decimal(0)
    for code, amt in b.holdings.items():
        if code not in Currency.__members__:
            raise HTTPException(400, f"unknown currency {code}")
        total += amt * _rate(LATEST, Currency(code), b.target)
    return total.quantize(Decimal("0.01"))
