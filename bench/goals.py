"""One way for every benchmark to print a goal: the figure, its ratio, the goal and
whether it is met («ok» or «не достигнуто»)."""


def goal_line(label: str, value: float, goal: float, unit: str = "×") -> str:
    verdict = "ok" if value <= goal else "не достигнуто"
    return f"{label:<58} {value:8.2f}{unit}  (цель ≤ {goal:g}{unit})  {verdict}"
