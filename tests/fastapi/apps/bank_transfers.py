# Bank transfers: Decimal amounts with bounds, IBAN pattern, Literal currencies, 4xx documented errors.
# Auth: API key header "X-Bank-Key: test-key" (401 otherwise).
from datetime import date
from decimal import Decimal
from typing import Literal
from uuid import UUID, uuid5

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, Field

app = FastAPI(title="Bank Transfers", version="1.0.0")
key = APIKeyHeader(name="X-Bank-Key")
NS = UUID("12345678-1234-5678-1234-567812345678")


def auth(k: str = Depends(key)) -> None:
    if k != "test-key":
        raise HTTPException(401, "bad key")


class Account(BaseModel):
    iban: str = Field(pattern=r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")
    owner: str
    balance: Decimal
    currency: Literal["EUR", "USD", "GBP"]


class TransferIn(BaseModel):
    from_iban: str = Field(pattern=r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")
    to_iban: str = Field(pattern=r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")
    amount: Decimal = Field(gt=Decimal("0"), le=Decimal("10000"), decimal_places=2)
    reference: str | None = Field(default=None, max_length=35)
    execute_on: date | None = None


class Transfer(TransferIn):
    id: UUID
    status: Literal["booked", "scheduled"]


class Problem(BaseModel):
    detail: str


ACCOUNTS = {
    "DE00ABCDEFGHIJ0001": Account(iban="DE00ABCDEFGHIJ0001", owner="Ana", balance=Decimal("1500.00"), currency="EUR"),
    "DE00ABCDEFGHIJ0002": Account(iban="DE00ABCDEFGHIJ0002", owner="Ben", balance=Decimal("20.00"), currency="EUR"),
}


@app.get("/accounts/{iban}", response_model=Account, dependencies=[Depends(auth)],
         responses={404: {"model": Problem}})
def get_account(iban: str) -> Account:
    if iban not in ACCOUNTS:
        raise HTTPException(404, "unknown account")
    return ACCOUNTS[iban]


@app.post("/transfers", response_model=Transfer, status_code=201, dependencies=[Depends(auth)],
          responses={404: {"model": Problem}, 409: {"model": Problem, "description": "Insufficient funds"}})
def transfer(t: TransferIn) -> Transfer:
    src, dst = ACCOUNTS.get(t.from_iban), ACCOUNTS.get(t.to_iban)
    if src is None or dst is None:
        raise HTTPException(404, "unknown account")
    if src.balance < t.amount:
        raise HTTPException(409, "insufficient funds")
    tid = uuid5(NS, f"{t.from_iban}:{t.to_iban}:{t.amount}:{t.reference}:{t.execute_on}")
    if t.execute_on is not None:
        return Transfer(id=tid, status="scheduled", **t.model_dump())
    ACCOUNTS[src.iban] = src.model_copy(update={"balance": src.balance - t.amount})
    ACCOUNTS[dst.iban] = dst.model_copy(update={"balance": dst.balance + t.amount})
    return Transfer(id=tid, status="booked", **t.model_dump())
