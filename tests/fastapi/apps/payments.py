# Payments: discriminated unions in the request (payment method) and the response (outcome),
# both keyed by different discriminator fields; Decimal amounts.
# Auth: bearer token "test-token" (HTTPBearer), 401 otherwise.
from decimal import Decimal
from typing import Annotated, Literal, Union

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

app = FastAPI(title="Payments", version="2.0.0")
bearer = HTTPBearer()


def auth(c: HTTPAuthorizationCredentials = Depends(bearer)) -> None:
    if c.credentials != "test-token":
        raise HTTPException(401, "invalid token")


class Card(BaseModel):
    method: Literal["card"]
    number: str = Field(pattern=r"^\d{12,19}$")
    expiry: str = Field(pattern=r"^(0[1-9]|1[0-2])/\d{2}$")
    cvc: str = Field(min_length=3, max_length=4)


class BankDebit(BaseModel):
    method: Literal["bank_debit"]
    iban: str = Field(min_length=15, max_length=34)
    mandate_id: str


class Wallet(BaseModel):
    method: Literal["wallet"]
    provider: Literal["applepay", "googlepay"]
    token: str


PaymentMethod = Annotated[Union[Card, BankDebit, Wallet], Field(discriminator="method")]


class Charge(BaseModel):
    amount: Decimal = Field(gt=0, le=Decimal("50000"))
    currency: Literal["EUR", "USD"] = "EUR"
    source: PaymentMethod
    description: str | None = None


class Approved(BaseModel):
    outcome: Literal["approved"]
    charge_id: str
    amount: Decimal
    last4: str | None


class Declined(BaseModel):
    outcome: Literal["declined"]
    reason: Literal["insufficient_funds", "expired", "suspected_fraud"]


class Pending(BaseModel):
    outcome: Literal["pending"]
    charge_id: str
    retry_after_s: int


ChargeResult = Annotated[Union[Approved, Declined, Pending], Field(discriminator="outcome")]


@app.post("/charges", response_model=ChargeResult, dependencies=[Depends(auth)])
def charge(c: Charge) -> ChargeResult:
    cid = f"ch_{int(c.amount * 100):08d}"
    if c.amount > 10000:
        return Declined(outcome="declined", reason="suspected_fraud")
    if isinstance(c.source, Card):
        if c.source.expiry.endswith("/20"):
            return Declined(outcome="declined", reason="expired")
        return Approved(outcome="approved", charge_id=cid, amount=c.amount, last4=c.source.number[-4:])
    if isinstance(c.source, BankDebit):
        return Pending(outcome="pending", charge_id=cid, retry_after_s=60)
    return Approved(outcome="approved", charge_id=cid, amount=c.amount, last4=None)


@app.get("/methods", response_model=list[Literal["card", "bank_debit", "wallet"]])
def methods() -> list[str]:
    return ["card", "bank_debit", "wallet"]


@app.post("/methods/validate", response_model=PaymentMethod, dependencies=[Depends(auth)])
def validate_method(m: PaymentMethod) -> PaymentMethod:
    if isinstance(m, Card):
        return m.model_copy(update={"cvc": "*" * len(m.cvc)})
    return m
