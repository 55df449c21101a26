# Org chart: recursive employees (reports), UUID path params, optional manager reference.
# Auth: none.
from uuid import UUID

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Org Chart", version="2.3.0")


class Employee(BaseModel):
    id: UUID
    name: str
    title: str
    manager_id: UUID | None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+$")


class OrgNode(BaseModel):
    employee: Employee
    reports: list["OrgNode"] = []


CEO = UUID("00000000-0000-4000-8000-000000000001")
CTO = UUID("00000000-0000-4000-8000-000000000002")
DEV = UUID("00000000-0000-4000-8000-000000000003")
CFO = UUID("00000000-0000-4000-8000-000000000004")
PEOPLE = {
    CEO: Employee(id=CEO, name="Ruth Okafor", title="CEO", manager_id=None, email="ruth@example.com"),
    CTO: Employee(id=CTO, name="Lin Wei", title="CTO", manager_id=CEO),
    DEV: Employee(id=DEV, name="Sam Hale", title="Engineer", manager_id=CTO, email="sam@example.com"),
    CFO: Employee(id=CFO, name="Noor Aziz", title="CFO", manager_id=CEO),
}


def _subtree(emp_id: UUID) -> OrgNode:
    reports = [_subtree(p.id) for p in PEOPLE.values() if p.manager_id == emp_id]
    return OrgNode(employee=PEOPLE[emp_id], reports=reports)


@app.get("/employees/{employee_id}", response_model=Employee)
def get_employee(employee_id: UUID) -> Employee:
    if employee_id not in PEOPLE:
        raise HTTPException(404, "unknown employee")
    return PEOPLE[employee_id]


@app.get("/employees/{employee_id}/org", response_model=OrgNode)
def get_org(employee_id: UUID) -> OrgNode:
    if employee_id not in PEOPLE:
        raise HTTPException(404, "unknown employee")
    return _subtree(employee_id)


@app.get("/org", response_model=OrgNode)
def whole_org() -> OrgNode:
    return _subtree(CEO)


@app.get("/employees/{employee_id}/chain", response_model=list[Employee])
def management_chain(employee_id: UUID) -> list[Employee]:
    if employee_id not in PEOPLE:
        raise HTTPException(404, "unknown employee")
    chain, cur = [], PEOPLE[employee_id].manager_id
    while cur is not None:
        chain.append(PEOPLE[cur])
        cur = PEOPLE[cur].manager_id
    return chain
